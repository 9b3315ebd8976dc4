import os from 'node:os'
import path from 'node:path'

/**
 * The app's data folder, the same one Electron's app.getPath('userData') gives the desktop
 * app, so the CLI and the browser door find the same databases. Not Documents: sync tools
 * (OneDrive, Dropbox) corrupt live SQLite files there.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KAKEHASHI_DATA_DIR) return env.KAKEHASHI_DATA_DIR
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kakehashi')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kakehashi')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Kakehashi')
}

export const DEMO_DB_NAME = 'demo.db'
export const MAIN_DB_NAME = 'kakehashi.db'
