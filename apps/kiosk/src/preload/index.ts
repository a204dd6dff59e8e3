// The kiosk's preload: runs sandboxed before the hall server's page, and gives it one narrow bridge.
import { contextBridge, ipcRenderer } from 'electron';
import { createKioskBridge } from './bridge-api.ts';

contextBridge.exposeInMainWorld(
  'luotKiosk',
  createKioskBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
