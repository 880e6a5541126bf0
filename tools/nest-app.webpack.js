// The webpack build shared by every Nest app: one bundle for Node in
// dist/apps/<app>, compiled by tsc (Nest's dependency injection needs the
// decorator metadata that only tsc or swc emit), libraries bundled in,
// node_modules left external and listed in a generated package.json.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { basename, join } = require('path');

module.exports = function nestAppWebpackConfig(appDir) {
  return {
    output: {
      path: join(__dirname, '..', 'dist', 'apps', basename(appDir)),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && { devtoolModuleFilenameTemplate: '[absolute-resource-path]' }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
