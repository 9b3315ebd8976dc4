/** Texts of 「USBメモリなどに保存」 and 「ファイルから復元」 (spread into ja.ts and en.ts). */
export const fileBackupText = {
  ja: {
    fileBackup: {
      title: 'USBメモリなどへのバックアップ',
      description:
        'パソコンの故障や紛失に備えて、バックアップを別の場所（USBメモリなど）にも保存してください。保存したファイルからいつでも復元できます。',
      save: 'USBメモリなどに保存',
      saving: '保存しています…',
      suggestedName: 'かけはし-バックアップ-{{date}}.db',
      saved: '「{{name}}」に保存しました（参加者 {{contacts}}人・記録 {{visits}}件、{{size}}、検証済み{{encrypted}}）。',
      downloaded:
        'バックアップ「{{name}}」を作成してダウンロードしました（参加者 {{contacts}}人・記録 {{visits}}件、{{size}}、検証済み{{encrypted}}）。ダウンロードしたファイルをUSBメモリなどに保管してください。',
      encryptedMark: '、暗号化',
      restore: 'ファイルから復元',
      uploading: 'ファイルを読み込んでいます… {{percent}}%',
      checking: 'ファイルを確認して復元しています…',
      confirmTitle: 'このファイルから復元しますか？',
      confirmBody:
        '今のデータベースの中身を「{{name}}」の内容に置き換えます。ファイルは復元の前に破損していないか確認します。今のデータは、置き換える前にバックアップとして「{{dir}}」に保存されます。',
      confirmBodyDamaged:
        '破損したデータベースを「{{name}}」の内容に置き換えます。ファイルは復元の前に破損していないか確認します。破損したファイルは調査用に、名前を変えて同じフォルダーに残します。',
      confirmGo: '復元する',
      restored:
        '「{{name}}」から復元しました（参加者 {{contacts}}人・記録 {{visits}}件）。それまでのデータは「{{kept}}」に保存してあります。',
      passphrasePrompt:
        '「{{name}}」は暗号化されています。このファイルを作ったときのパスフレーズを入力してください（復元した後も、今のデータベースのパスフレーズ設定はそのままです）。',
      fromDamaged: 'USBメモリなどに保存したバックアップから復元することもできます。',
      backupSource: '{{date}} のバックアップ',
      noticeTitle: 'バックアップから復元しました',
      notice:
        '{{date}} に「{{source}}」から復元しました。破損していた元のファイルは調査用に「{{kept}}」に残してあります。サポートに問い合わせるときに伝えてください。',
      noticeHealthy: '{{date}} に「{{source}}」から復元しました。それまでのデータは「{{kept}}」に保存してあります。',
      noticeClose: '確認しました',
    },
  },
  en: {
    fileBackup: {
      title: 'Backups on a USB stick',
      description:
        'In case the computer breaks or is lost, keep backups in another place too (a USB stick, for example). You can restore from such a file at any time.',
      save: 'Save to a USB stick…',
      saving: 'Saving…',
      suggestedName: 'kakehashi-backup-{{date}}.db',
      saved: 'Saved to "{{name}}" ({{contacts}} people · {{visits}} visits, {{size}}, verified{{encrypted}}).',
      downloaded:
        'Made the backup "{{name}}" and downloaded it ({{contacts}} people · {{visits}} visits, {{size}}, verified{{encrypted}}). Keep the downloaded file on a USB stick or similar.',
      encryptedMark: ', encrypted',
      restore: 'Restore from a file…',
      uploading: 'Reading the file… {{percent}}%',
      checking: 'Checking the file and restoring…',
      confirmTitle: 'Restore from this file?',
      confirmBody:
        'The current database is replaced with the contents of "{{name}}", after checking the file for damage. The current data is first saved as a backup in "{{dir}}".',
      confirmBodyDamaged:
        'The damaged database is replaced with the contents of "{{name}}", after checking the file for damage. The damaged file is kept, renamed, in the same folder for inspection.',
      confirmGo: 'Restore',
      restored: 'Restored from "{{name}}" ({{contacts}} people · {{visits}} visits). The previous data was kept at "{{kept}}".',
      passphrasePrompt:
        '"{{name}}" is encrypted. Enter the passphrase in use when it was made (the current database keeps its own passphrase setting).',
      fromDamaged: 'You can also restore from a backup saved on a USB stick or elsewhere.',
      backupSource: 'the backup of {{date}}',
      noticeTitle: 'Restored from a backup',
      notice:
        'On {{date}} the database was restored from "{{source}}". The damaged file was kept for inspection at "{{kept}}"; mention it if you contact support.',
      noticeHealthy: 'On {{date}} the database was restored from "{{source}}". The previous data was kept at "{{kept}}".',
      noticeClose: 'Dismiss',
    },
  },
}
