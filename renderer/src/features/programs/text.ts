import { enrollmentRoles, sessionModes } from '../../../../shared/domain/vocabulary'
import { homeText } from '../home/text'
import { programText } from './programText'
import { timelineText } from '../timeline/text'
import { visitsText } from '../visits/text'

/** Labels of the vocabularies this area adds to i18n's `vocab` (kept apart so vocab stays the foundation's). */
const involvementVocab = {
  ja: { enrollmentRole: enrollmentRoles.labels, sessionMode: sessionModes.labels },
  en: {
    enrollmentRole: { learner: 'Learner', mentor: 'Mentor', lecturer: 'Lecturer', volunteer: 'Volunteer', staff: 'Staff' },
    sessionMode: { onsite: 'On site', online: 'Online', hybrid: 'Hybrid' },
  },
}

/**
 * Strings of programs, sessions, rosters, visits entry, the person timeline and the ホーム
 * dashboard, spread into i18n/ja.ts and en.ts with one line each.
 */
export const involvementText = {
  ja: { involvementVocab: involvementVocab.ja, ...timelineText.ja, ...homeText.ja, ...programText.ja, ...visitsText.ja },
  en: { involvementVocab: involvementVocab.en, ...timelineText.en, ...homeText.en, ...programText.en, ...visitsText.en },
}
