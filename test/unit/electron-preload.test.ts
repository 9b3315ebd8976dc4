import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { KakehashiBridge } from '../../shared/contract/bridge'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
}))
vi.mock('electron', () => electron)

let api: KakehashiBridge

beforeAll(async () => {
  await import('../../electron/preload/index')
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, KakehashiBridge]
  expect(name).toBe('kakehashi')
  api = exposed
})

describe('the preload bridge', () => {
  it('exposes exactly call, on, pickFile and saveFile — all functions, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(['call', 'on', 'pickFile', 'saveFile'])
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('call invokes api:call with the method and arguments, and returns the reply', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: 42 })
    await expect(api.call('contacts.get', { id: 'x' })).resolves.toEqual({ ok: true, result: 42 })
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('api:call', 'contacts.get', { id: 'x' })
  })

  it('on hands the listener the backend event only (never the IPC event), and unsubscribes', () => {
    const listener = vi.fn()
    const off = api.on(listener)
    const [channel, forward] = electron.ipcRenderer.on.mock.calls.at(-1) as [string, (...args: unknown[]) => void]
    expect(channel).toBe('api:event')
    const backendEvent = { event: 'data.changed', payload: { entity: 'contact' } }
    forward({ sender: 'the ipcRenderer itself' }, backendEvent)
    expect(listener).toHaveBeenCalledWith(backendEvent)
    expect(listener.mock.calls[0]).toHaveLength(1)
    off()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('api:event', forward)
  })

  it('pickFile and saveFile ask main for a dialog of a kind; no path goes in', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ fileId: 'f1', name: 'a.csv' })
    await expect(api.pickFile('csv')).resolves.toEqual({ fileId: 'f1', name: 'a.csv' })
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('dialog:openFile', 'csv')

    electron.ipcRenderer.invoke.mockResolvedValueOnce(null)
    await expect(api.saveFile('xlsx', '参加者一覧.xlsx')).resolves.toBeNull()
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('dialog:saveFile', 'xlsx', '参加者一覧.xlsx')
  })

  it('never uses a generic send', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })
})

describe('the built preload', () => {
  it('is one CommonJS file that requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    const built = path.resolve(import.meta.dirname, '../../out/preload/index.cjs')
    if (!fs.existsSync(built)) throw new Error(`${built} is missing: run npm run build first (electron-vite build writes it).`)
    const code = fs.readFileSync(built, 'utf8')
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/^\s*import\s/m)
    expect(fs.readdirSync(path.dirname(built)).filter((f) => /\.(c|m)?js$/.test(f))).toEqual(['index.cjs'])
  })
})
