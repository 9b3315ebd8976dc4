/**
 * Common Japanese family and given names with their readings (フリガナ) and a romanization
 * for demo e-mail addresses. Every pairing of a family and a given name is drawn at random,
 * so the people are fictional; the readings are the usual ones for each spelling.
 * A few variant spellings (髙橋, 渡邉, 齋藤, and 𠮷田, which Shift_JIS cannot encode) are
 * included on purpose: real lists contain them and exports must cope.
 */
import { Weighted } from './random'
import type { Rng } from './random'

export interface NameEntry {
  kanji: string
  kana: string
  romaji: string
}

/** [kanji, katakana, romaji, relative frequency]. */
const FAMILY: readonly (readonly [string, string, string, number])[] = [
  ['佐藤', 'サトウ', 'sato', 20],
  ['鈴木', 'スズキ', 'suzuki', 18],
  ['高橋', 'タカハシ', 'takahashi', 15],
  ['田中', 'タナカ', 'tanaka', 14],
  ['伊藤', 'イトウ', 'ito', 12],
  ['渡辺', 'ワタナベ', 'watanabe', 12],
  ['山本', 'ヤマモト', 'yamamoto', 11],
  ['中村', 'ナカムラ', 'nakamura', 11],
  ['小林', 'コバヤシ', 'kobayashi', 11],
  ['加藤', 'カトウ', 'kato', 9],
  ['吉田', 'ヨシダ', 'yoshida', 9],
  ['山田', 'ヤマダ', 'yamada', 9],
  ['佐々木', 'ササキ', 'sasaki', 8],
  ['山口', 'ヤマグチ', 'yamaguchi', 7],
  ['松本', 'マツモト', 'matsumoto', 7],
  ['井上', 'イノウエ', 'inoue', 7],
  ['木村', 'キムラ', 'kimura', 7],
  ['林', 'ハヤシ', 'hayashi', 6],
  ['斎藤', 'サイトウ', 'saito', 6],
  ['清水', 'シミズ', 'shimizu', 6],
  ['山崎', 'ヤマザキ', 'yamazaki', 5],
  ['森', 'モリ', 'mori', 5],
  ['池田', 'イケダ', 'ikeda', 5],
  ['橋本', 'ハシモト', 'hashimoto', 5],
  ['阿部', 'アベ', 'abe', 5],
  ['石川', 'イシカワ', 'ishikawa', 5],
  ['山下', 'ヤマシタ', 'yamashita', 5],
  ['中島', 'ナカジマ', 'nakajima', 5],
  ['石井', 'イシイ', 'ishii', 4],
  ['小川', 'オガワ', 'ogawa', 4],
  ['前田', 'マエダ', 'maeda', 4],
  ['岡田', 'オカダ', 'okada', 4],
  ['長谷川', 'ハセガワ', 'hasegawa', 4],
  ['藤田', 'フジタ', 'fujita', 4],
  ['後藤', 'ゴトウ', 'goto', 4],
  ['近藤', 'コンドウ', 'kondo', 4],
  ['村上', 'ムラカミ', 'murakami', 4],
  ['遠藤', 'エンドウ', 'endo', 4],
  ['青木', 'アオキ', 'aoki', 4],
  ['坂本', 'サカモト', 'sakamoto', 4],
  ['斉藤', 'サイトウ', 'saito', 3],
  ['福田', 'フクダ', 'fukuda', 3],
  ['太田', 'オオタ', 'ota', 3],
  ['西村', 'ニシムラ', 'nishimura', 3],
  ['藤井', 'フジイ', 'fujii', 3],
  ['金子', 'カネコ', 'kaneko', 3],
  ['岡本', 'オカモト', 'okamoto', 3],
  ['藤原', 'フジワラ', 'fujiwara', 3],
  ['中野', 'ナカノ', 'nakano', 3],
  ['三浦', 'ミウラ', 'miura', 3],
  ['原田', 'ハラダ', 'harada', 3],
  ['中川', 'ナカガワ', 'nakagawa', 3],
  ['松田', 'マツダ', 'matsuda', 3],
  ['竹内', 'タケウチ', 'takeuchi', 3],
  ['小野', 'オノ', 'ono', 3],
  ['田村', 'タムラ', 'tamura', 3],
  ['中山', 'ナカヤマ', 'nakayama', 3],
  ['和田', 'ワダ', 'wada', 3],
  ['石田', 'イシダ', 'ishida', 3],
  ['森田', 'モリタ', 'morita', 3],
  ['上田', 'ウエダ', 'ueda', 3],
  ['原', 'ハラ', 'hara', 3],
  ['柴田', 'シバタ', 'shibata', 3],
  ['酒井', 'サカイ', 'sakai', 3],
  ['工藤', 'クドウ', 'kudo', 3],
  ['横山', 'ヨコヤマ', 'yokoyama', 3],
  ['宮崎', 'ミヤザキ', 'miyazaki', 3],
  ['宮本', 'ミヤモト', 'miyamoto', 3],
  ['内田', 'ウチダ', 'uchida', 3],
  ['高木', 'タカギ', 'takagi', 3],
  ['安藤', 'アンドウ', 'ando', 3],
  ['谷口', 'タニグチ', 'taniguchi', 2],
  ['大野', 'オオノ', 'ono', 2],
  ['丸山', 'マルヤマ', 'maruyama', 2],
  ['今井', 'イマイ', 'imai', 2],
  ['高田', 'タカダ', 'takada', 2],
  ['藤本', 'フジモト', 'fujimoto', 2],
  ['武田', 'タケダ', 'takeda', 2],
  ['村田', 'ムラタ', 'murata', 2],
  ['上野', 'ウエノ', 'ueno', 2],
  ['杉山', 'スギヤマ', 'sugiyama', 2],
  ['増田', 'マスダ', 'masuda', 2],
  ['菅原', 'スガワラ', 'sugawara', 2],
  ['平野', 'ヒラノ', 'hirano', 2],
  ['小島', 'コジマ', 'kojima', 2],
  ['千葉', 'チバ', 'chiba', 2],
  ['久保', 'クボ', 'kubo', 2],
  ['松井', 'マツイ', 'matsui', 2],
  ['岩崎', 'イワサキ', 'iwasaki', 2],
  ['野口', 'ノグチ', 'noguchi', 2],
  ['髙橋', 'タカハシ', 'takahashi', 0.6],
  ['渡邉', 'ワタナベ', 'watanabe', 0.5],
  ['齋藤', 'サイトウ', 'saito', 0.5],
  ['𠮷田', 'ヨシダ', 'yoshida', 0.3],
]

/**
 * [kanji, katakana, romaji, gender ('f' | 'm' | 'n' for names given to both),
 *  weight for people born before 1970, 1970–1989, 1990 and later].
 */
const GIVEN: readonly (readonly [string, string, string, 'f' | 'm' | 'n', number, number, number])[] = [
  ['陽子', 'ヨウコ', 'yoko', 'f', 4, 1, 0.2],
  ['恵子', 'ケイコ', 'keiko', 'f', 4, 0.8, 0.1],
  ['裕子', 'ユウコ', 'yuko', 'f', 4, 2, 0.2],
  ['直美', 'ナオミ', 'naomi', 'f', 3, 2, 0.3],
  ['智子', 'トモコ', 'tomoko', 'f', 3, 3, 0.3],
  ['由美子', 'ユミコ', 'yumiko', 'f', 3, 1, 0.1],
  ['久美子', 'クミコ', 'kumiko', 'f', 3, 1.5, 0.1],
  ['明美', 'アケミ', 'akemi', 'f', 3, 1, 0.1],
  ['京子', 'キョウコ', 'kyoko', 'f', 3, 0.5, 0.1],
  ['幸子', 'サチコ', 'sachiko', 'f', 3, 0.3, 0.1],
  ['和子', 'カズコ', 'kazuko', 'f', 3, 0.2, 0.05],
  ['真由美', 'マユミ', 'mayumi', 'f', 2, 2, 0.3],
  ['恵美', 'エミ', 'emi', 'f', 1, 2, 1],
  ['真理', 'マリ', 'mari', 'f', 1.5, 1.5, 0.5],
  ['優子', 'ユウコ', 'yuko', 'f', 1, 3, 0.5],
  ['沙織', 'サオリ', 'saori', 'f', 0.3, 3, 1],
  ['香織', 'カオリ', 'kaori', 'f', 0.5, 3, 0.7],
  ['理恵', 'リエ', 'rie', 'f', 0.5, 3, 0.6],
  ['美穂', 'ミホ', 'miho', 'f', 0.5, 3, 0.8],
  ['由紀', 'ユキ', 'yuki', 'f', 0.5, 2.5, 1],
  ['友美', 'トモミ', 'tomomi', 'f', 0.3, 2.5, 0.7],
  ['瞳', 'ヒトミ', 'hitomi', 'f', 0.3, 2, 1],
  ['愛', 'アイ', 'ai', 'f', 0.1, 2, 2],
  ['麻衣', 'マイ', 'mai', 'f', 0.1, 2, 2],
  ['舞', 'マイ', 'mai', 'f', 0.1, 1.5, 1.5],
  ['千尋', 'チヒロ', 'chihiro', 'f', 0.2, 1.5, 1.5],
  ['彩', 'アヤ', 'aya', 'f', 0.1, 1.5, 2],
  ['美咲', 'ミサキ', 'misaki', 'f', 0.05, 1, 3],
  ['葵', 'アオイ', 'aoi', 'f', 0, 0.3, 3],
  ['結衣', 'ユイ', 'yui', 'f', 0, 0.3, 3],
  ['さくら', 'サクラ', 'sakura', 'f', 0, 0.5, 3],
  ['陽菜', 'ヒナ', 'hina', 'f', 0, 0.1, 3],
  ['奈々', 'ナナ', 'nana', 'f', 0.1, 1, 2],
  ['彩花', 'アヤカ', 'ayaka', 'f', 0, 0.8, 3],
  ['萌', 'モエ', 'moe', 'f', 0, 0.5, 2.5],
  ['遥', 'ハルカ', 'haruka', 'f', 0, 1, 3],
  ['美月', 'ミヅキ', 'mizuki', 'f', 0, 0.5, 2],
  ['七海', 'ナナミ', 'nanami', 'f', 0, 0.5, 2.5],
  ['凛', 'リン', 'rin', 'f', 0, 0.1, 2],
  ['芽衣', 'メイ', 'mei', 'f', 0, 0.2, 2],
  ['菜摘', 'ナツミ', 'natsumi', 'f', 0.1, 1, 1.5],
  ['綾乃', 'アヤノ', 'ayano', 'f', 0, 0.8, 2],
  ['浩', 'ヒロシ', 'hiroshi', 'm', 4, 1, 0.1],
  ['清', 'キヨシ', 'kiyoshi', 'm', 3, 0.3, 0.05],
  ['隆', 'タカシ', 'takashi', 'm', 4, 1.5, 0.2],
  ['修', 'オサム', 'osamu', 'm', 3, 1, 0.1],
  ['誠', 'マコト', 'makoto', 'm', 3, 3, 0.5],
  ['学', 'マナブ', 'manabu', 'm', 2, 2, 0.2],
  ['博之', 'ヒロユキ', 'hiroyuki', 'm', 3, 2, 0.2],
  ['健一', 'ケンイチ', 'kenichi', 'm', 3, 2, 0.3],
  ['浩二', 'コウジ', 'koji', 'm', 3, 1.5, 0.2],
  ['一郎', 'イチロウ', 'ichiro', 'm', 3, 0.5, 0.1],
  ['健二', 'ケンジ', 'kenji', 'm', 3, 1.5, 0.2],
  ['徹', 'トオル', 'toru', 'm', 2, 2, 0.2],
  ['聡', 'サトシ', 'satoshi', 'm', 2, 3, 0.3],
  ['剛', 'ツヨシ', 'tsuyoshi', 'm', 1.5, 2.5, 0.3],
  ['康弘', 'ヤスヒロ', 'yasuhiro', 'm', 2, 2, 0.2],
  ['雄一', 'ユウイチ', 'yuichi', 'm', 2, 2, 0.3],
  ['正樹', 'マサキ', 'masaki', 'm', 1, 3, 0.5],
  ['直樹', 'ナオキ', 'naoki', 'm', 0.5, 3, 1],
  ['和也', 'カズヤ', 'kazuya', 'm', 0.5, 3, 1],
  ['達也', 'タツヤ', 'tatsuya', 'm', 0.5, 3, 1],
  ['拓也', 'タクヤ', 'takuya', 'm', 0.2, 3, 1.5],
  ['大輔', 'ダイスケ', 'daisuke', 'm', 0.2, 3.5, 1],
  ['亮', 'リョウ', 'ryo', 'm', 0.3, 2, 1.5],
  ['圭介', 'ケイスケ', 'keisuke', 'm', 0.3, 2.5, 1],
  ['慎也', 'シンヤ', 'shinya', 'm', 0.3, 2, 0.8],
  ['智也', 'トモヤ', 'tomoya', 'm', 0.1, 2, 1.5],
  ['健太', 'ケンタ', 'kenta', 'm', 0.1, 2, 2.5],
  ['翔太', 'ショウタ', 'shota', 'm', 0, 1, 3],
  ['裕太', 'ユウタ', 'yuta', 'm', 0, 1.5, 2.5],
  ['勇気', 'ユウキ', 'yuki', 'm', 0, 1, 2],
  ['大樹', 'ダイキ', 'daiki', 'm', 0, 1.5, 2.5],
  ['航', 'ワタル', 'wataru', 'm', 0.2, 1.5, 1.5],
  ['翔', 'ショウ', 'sho', 'm', 0, 1, 2],
  ['優斗', 'ユウト', 'yuto', 'm', 0, 0.3, 3],
  ['海斗', 'カイト', 'kaito', 'm', 0, 0.3, 3],
  ['颯太', 'ソウタ', 'sota', 'm', 0, 0.1, 3],
  ['蓮', 'レン', 'ren', 'm', 0, 0.1, 3],
  ['大翔', 'ヒロト', 'hiroto', 'm', 0, 0.1, 3],
  ['悠真', 'ユウマ', 'yuma', 'm', 0, 0.1, 2.5],
  ['陽太', 'ヨウタ', 'yota', 'm', 0, 0.2, 2.5],
  ['薫', 'カオル', 'kaoru', 'n', 1.5, 1, 0.5],
  ['翼', 'ツバサ', 'tsubasa', 'n', 0.1, 1.5, 2],
  ['光', 'ヒカル', 'hikaru', 'n', 0.5, 1, 1],
  ['真琴', 'マコト', 'makoto', 'n', 0.3, 1, 1],
  ['優', 'ユウ', 'yu', 'n', 0.2, 1, 1.5],
  ['晶', 'アキラ', 'akira', 'n', 1.5, 1, 0.5],
]

const entry = (row: readonly [string, string, string, ...unknown[]]): NameEntry => ({
  kanji: row[0],
  kana: row[1],
  romaji: row[2],
})

export const familyNames: readonly NameEntry[] = FAMILY.map(entry)
export const givenNames: readonly NameEntry[] = GIVEN.map(entry)

/** Every spelling with every reading the demo uses, for tests: "佐藤" → Set{"サトウ"}. */
export function readingsOf(kind: 'family' | 'given'): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const n of kind === 'family' ? familyNames : givenNames) {
    if (!out.has(n.kanji)) out.set(n.kanji, new Set())
    out.get(n.kanji)!.add(n.kana)
  }
  return out
}

const familyTable = new Weighted(
  familyNames,
  FAMILY.map((f) => f[3]),
)

type Era = 0 | 1 | 2
export type NameGender = 'female' | 'male' | 'any'

function givenTable(gender: NameGender, era: Era): Weighted<NameEntry> {
  const rows = GIVEN.filter((g) => (gender === 'female' ? g[3] !== 'm' : gender === 'male' ? g[3] !== 'f' : true))
  return new Weighted(
    rows.map(entry),
    rows.map((g) => Math.max([g[4], g[5], g[6]][era], 0.02) * (g[3] === 'n' ? 0.4 : 1)),
  )
}

const givenTables = new Map<string, Weighted<NameEntry>>()
for (const gender of ['female', 'male', 'any'] as const) {
  for (const era of [0, 1, 2] as const) givenTables.set(`${gender}${era}`, givenTable(gender, era))
}

export function pickFamilyName(rng: Rng): NameEntry {
  return familyTable.draw(rng)
}

/** A given name that fits the person's gender and the decade they were born in. */
export function pickGivenName(rng: Rng, gender: NameGender, birthYear: number): NameEntry {
  const era: Era = birthYear < 1970 ? 0 : birthYear < 1990 ? 1 : 2
  return givenTables.get(`${gender}${era}`)!.draw(rng)
}

/** A whole fictional name as one string, for coordinators and other staff fields. */
export function fictionalFullName(rng: Rng): string {
  const gender = rng.chance(0.5) ? 'female' : 'male'
  return `${pickFamilyName(rng).kanji} ${pickGivenName(rng, gender, rng.int(1965, 1995)).kanji}`
}
