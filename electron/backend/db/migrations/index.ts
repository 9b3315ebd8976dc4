import type { Kysely } from 'kysely'
import * as m0001 from './0001-initial'
import * as m0002 from './0002-participants'
import * as m0003 from './0003-programs'
import * as m0004 from './0004-import'
import * as m0005 from './0005-reports'
import * as m0006 from './0006-search-index-deferral'
import * as m0007 from './0007-audit-batch'
import * as m0008 from './0008-lean-contact-indexes'
import * as m0009 from './0009-online-visits-no-nights'
import * as m0010 from './0010-birth-sort-index'
import * as m0011 from './0011-audit-undo'
import * as m0012 from './0012-import-stage-note'
import * as m0013 from './0013-audit-person-index'

export interface Migration {
  /** Stored in schema_migrations; never rename a released one. */
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/**
 * A static list, not a folder scan: bundling would break file discovery. The schema version
 * of a database is the number of these it has applied (also kept in PRAGMA user_version).
 */
export const migrations: readonly Migration[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-participants', up: m0002.up },
  { name: '0003-programs', up: m0003.up },
  { name: '0004-import', up: m0004.up },
  { name: '0005-reports', up: m0005.up },
  { name: '0006-search-index-deferral', up: m0006.up },
  { name: '0007-audit-batch', up: m0007.up },
  { name: '0008-lean-contact-indexes', up: m0008.up },
  { name: '0009-online-visits-no-nights', up: m0009.up },
  { name: '0010-birth-sort-index', up: m0010.up },
  { name: '0011-audit-undo', up: m0011.up },
  { name: '0012-import-stage-note', up: m0012.up },
  { name: '0013-audit-person-index', up: m0013.up },
]

export const latestSchemaVersion = migrations.length
