/** The few log calls the runtime makes; pino satisfies it, tests can pass a silent one. */
export interface RuntimeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: RuntimeLogger = { info() {}, warn() {}, error() {} };
