import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface ScriptProcess {
  child: ChildProcess;
  /** The exit code (null when killed by a signal), once its output is all read. */
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/**
 * Starts one of the project's command-line scripts as `npm run <script>` does (`scripts/<name>.ts` under
 * the react-server condition), with `env` over the test's environment, collecting its output.
 */
export function startScript(script: string, args: string[], env: Record<string, string | undefined> = {}): ScriptProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(`scripts/${script}.ts`), ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  // "close", not "exit": output may still be arriving when the process has exited.
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}
