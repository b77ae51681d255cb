"""Starts the notebook kernel once and waits until it answers, before any notebook runs.

    /usr/bin/python3 notebooks/kernel-ready.py KERNEL_NAME TIMEOUT_SECONDS ATTEMPTS LOG_DIR

Jupyter gives a kernel a fixed time to answer its first kernel_info request; a kernel that does not is
reported as "Kernel didn't respond", with none of the kernel's own output. This script starts the kernel
the same way nbconvert does, with its output in LOG_DIR/kernel-start-N.log, evaluates one snippet, and
shuts it down. When the kernel does not answer within TIMEOUT_SECONDS it prints the kernel's log and a
thread dump of its JVM (jstack), so the cause is on record, then kills it and tries again, up to ATTEMPTS
times. Exit code 0 when a start succeeded, 1 otherwise.
"""
import os
import shutil
import subprocess
import sys
import time

from jupyter_client import KernelManager


def thread_dump(pid):
    jstack = os.path.join(os.path.dirname(os.environ.get("JAVA", "java")), "jstack")
    if not os.path.exists(jstack):
        jstack = shutil.which("jstack")
    if not jstack or pid is None:
        return "(no jstack or no kernel pid: no thread dump)"
    try:
        dump = subprocess.run([jstack, str(pid)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return f"(jstack failed: {e})"
    # Only the threads that tell why the kernel is stuck: main, and those in the kernel's or JShell's code,
    # each cut to its top 30 frames.
    blocks = [b for b in dump.split("\n\n") if b.startswith('"main"') or "rapaio" in b or "jshell" in b]
    return "\n\n".join("\n".join(b.splitlines()[:30]) for b in blocks) or dump


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None) if provisioner else None
    return getattr(process, "pid", None)


def start_once(name, timeout, log_path):
    km = KernelManager(kernel_name=name)
    with open(log_path, "w") as log:
        started = time.monotonic()
        km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            ready = time.monotonic() - started
            reply = client.execute_interactive("1 + 1", timeout=timeout, output_hook=lambda msg: None)
            status = reply["content"]["status"]
            if status != "ok":
                print(f"kernel {name}: answered in {ready:.1f} s but '1 + 1' ended with {status}", file=sys.stderr)
                return False
            print(f"kernel {name}: ready in {ready:.1f} s, first snippet in "
                  f"{time.monotonic() - started - ready:.1f} s", file=sys.stderr)
            return True
        except RuntimeError as e:
            print(f"kernel {name}: {e} (after {time.monotonic() - started:.0f} s)", file=sys.stderr)
            print(f"--- thread dump of the kernel JVM (pid {kernel_pid(km)}) ---", file=sys.stderr)
            print(thread_dump(kernel_pid(km)), file=sys.stderr)
            return False
        finally:
            client.stop_channels()
            try:
                km.shutdown_kernel(now=True)
            except Exception as e:  # a kernel that never answered may not take a polite shutdown
                print(f"kernel {name}: shutdown: {e}", file=sys.stderr)
            log.flush()


def main():
    name, timeout, attempts, log_dir = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    os.makedirs(log_dir, exist_ok=True)
    for attempt in range(1, attempts + 1):
        log_path = os.path.join(log_dir, f"kernel-start-{attempt}.log")
        if start_once(name, timeout, log_path):
            return 0
        print(f"--- kernel output, attempt {attempt} ({log_path}) ---", file=sys.stderr)
        with open(log_path) as log:
            print(log.read()[-20000:], file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
