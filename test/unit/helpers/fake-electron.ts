/**
 * A stand-in for the `electron` module (no Electron binary exists on CI machines). Each test file
 * mocks `electron` with createFakeElectron() and then imports 'electron' to reach the same fakes.
 * Only what electron/main and electron/preload use is here; every function is a vi.fn spy.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeSession {
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
  setDevicePermissionHandler = vi.fn();
  webRequest = { onBeforeRequest: vi.fn() };
}

let nextWebContentsId = 100;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = new FakeSession();
  setWindowOpenHandler = vi.fn();
  reload = vi.fn();
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((w) => !w.destroyed));
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  loadURL = vi.fn(async (_url: string) => {});
  setTitle = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = { appData: '/fake/appData', userData: '/fake/appData/evidentia' };
  hasLock = true;
  private readyResolve: (() => void) | null = null;
  private ready = this.newReady();
  private newReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.readyResolve = resolve;
    });
  }
  getPath = vi.fn((name: string) => this.paths[name] ?? `/fake/${name}`);
  setPath = vi.fn((name: string, value: string) => {
    this.paths[name] = value;
  });
  getAppPath = vi.fn(() => '/fake/app');
  getVersion = vi.fn(() => '0.1.0');
  requestSingleInstanceLock = vi.fn(() => this.hasLock);
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => this.ready);
  /** Fires 'ready': the promise returned by whenReady() resolves. */
  makeReady(): void {
    this.readyResolve?.();
  }
  /** Back to a freshly started process (listeners, paths, lock, readiness). */
  reset(appData: string): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.hasLock = true;
    this.paths = { appData, userData: `${appData}/evidentia` };
    this.ready = this.newReady();
  }
}

export function createFakeElectron() {
  const app = new FakeApp();
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async () => '') },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })) },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Clears every spy and registration so one test file can start the app several times. */
export function resetFakeElectron(fake: FakeElectron, appData: string): void {
  vi.clearAllMocks();
  fake.app.reset(appData);
  fake.ipcMain.handlers.clear();
  FakeBrowserWindow.instances = [];
}
