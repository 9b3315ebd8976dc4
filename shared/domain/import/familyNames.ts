/**
 * Common Japanese family names (surnames only, no people), used to find where a full name
 * written without a space splits: 「佐々木健太」 → 佐々木 + 健太. Longest match wins, so the
 * three-character names come first in effect.
 */
export const commonFamilyNames: ReadonlySet<string> = new Set(
  (
    '佐藤 鈴木 高橋 田中 伊藤 渡辺 渡部 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤 清水 山崎 森 池田 ' +
    '橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉木 福田 太田 西村 藤井 金子 ' +
    '岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本 ' +
    '大野 小島 谷口 工藤 今井 高田 丸山 増田 杉山 村田 大塚 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 ' +
    '佐野 野村 松尾 市川 菊地 菊池 杉本 古川 大西 島田 水野 桜井 高野 渡邉 渡邊 吉川 山内 西田 飯田 菅野 五十嵐 永井 服部 ' +
    '北村 荒木 平田 大橋 東 本田 久保田 川口 大久保 須藤 土屋 関 吉村 新井 宮田 松岡 浅野 秋山 浜田 濱田 田口 大森 ' +
    '髙橋 齋藤 齊藤 﨑山 小松 岩田 中田 安田 大石 堀 片山 本間 大谷 望月 石原 長田 辻 川村 星野 西川 黒田 南 ' +
    '宇佐美 勅使河原 小野寺 長谷部 佐久間 大和田 小笠原 小田切 八木 江口 岸 栗原 三宅 松下 内藤 西山 関口 ' +
    '日野 白石 早川 野田 荒井 大川 川上 松村 岡崎 若林 木内 浅井 吉岡 堀内 大島 岩井 奥村 矢野 西 北川'
  ).split(' '),
)
