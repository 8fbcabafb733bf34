// electron-builder configuration (`npm run dist`). CommonJS because electron-builder loads it with
// require(). Resources (icon) live in build/, installers go to release/.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.evidentia.app',
  productName: 'Evidentia',
  directories: { buildResources: 'build', output: 'release' },
  // Our bundles plus package.json; electron-builder adds the production dependencies from
  // node_modules (lowdb, zod, pdfjs-dist, htmlparser2 …) by itself. Source maps stay out of installers.
  files: ['dist/**/*', '!dist/**/*.map', '!dist/cli/**', 'package.json'],
  asar: true,
  // A worker thread loads its entry file and that file's imports with Node's own loader, which cannot
  // read inside app.asar. So the PDF worker and the pdfjs-dist it imports (with its cmaps and
  // standard fonts, read with fs) are unpacked to app.asar.unpacked/, where the core looks first
  // (electron/core/import/worker-location.ts).
  // pdfjs-dist loads @napi-rs/canvas (a native module) for DOMMatrix; worker threads cannot load from asar.
  asarUnpack: ['dist/core/pdf-worker.mjs', 'dist/core/export-worker.mjs', 'node_modules/pdfjs-dist/**', 'node_modules/@napi-rs/**'],
  // No native modules: nothing to rebuild against Electron's ABI.
  npmRebuild: false,
  // Never publish from a build.
  publish: null,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'evidentia',
    synopsis: 'Extract outcomes and track discrepancies between research sources',
    // deb needs a maintainer; package.json has no author e-mail.
    maintainer: 'Evidentia <evidentia@users.noreply.github.com>',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
};
