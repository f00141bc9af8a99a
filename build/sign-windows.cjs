/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook with require(), so it is CommonJS */
// Windows signing hook (electron-builder.yml: win.signtoolOptions.sign).
// electron-builder calls it for every file it would sign. It signs only when
// the environment says how:
//   ACCORD_WINDOWS_SIGN   a command run as `<command> "<file>"` (a token's or HSM's signing tool)
//   WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD   a .pfx, handed to electron-builder's own signtool
// With neither, it does nothing: a local build never needs a certificate.
const { execFileSync } = require('node:child_process');

exports.default = async function sign(configuration, packager) {
  const command = process.env.ACCORD_WINDOWS_SIGN;
  if (command) {
    const [program, ...args] = command.split(' ').filter(Boolean);
    execFileSync(program, [...args, configuration.path], { stdio: 'inherit' });
    return;
  }
  if (configuration.cscInfo) {
    // A certificate from WIN_CSC_LINK / CSC_LINK: the signing electron-builder does without a hook.
    const manager = await packager.signingManager.value;
    await manager.doSign(configuration, packager);
  }
};
