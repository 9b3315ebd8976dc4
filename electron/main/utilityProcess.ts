import { utilityProcess } from 'electron'
import type { HostProcess } from './backendHost'

/** Forks the built backend host (out/main/backendHost.js) as an Electron utility process. */
export function forkBackendHost(modulePath: string): HostProcess {
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'Kakehashi Backend',
    stdio: 'inherit', // its logs go where main's go
  })
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill(),
  }
}
