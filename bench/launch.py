"""Run one build and write its wall time, CPU time and peak memory to a file, as JSON.

The benchmark starts each build through this small process instead of directly: Linux starts a
child's peak resident memory (ru_maxrss) from its parent's resident memory at the moment it is
spawned, so a build spawned by the benchmark itself (46 MB once the corpus is generated, more
with publishconf.py read) could never report less than the benchmark's own size; this
launcher weighs about 9 MB, less than any build. Standard library only, imported lazily by
nothing else, so that it stays that small.

Usage: python bench/launch.py RESULT_FILE COMMAND [ARGUMENT...]
"""

import json
import os
import sys
import time


def main() -> int:
    result_file, command = sys.argv[1], sys.argv[2:]
    started = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    with open(result_file, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "seconds": seconds,
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "max_rss_kib": usage.ru_maxrss,  # Linux reports KiB
                "exit_code": os.waitstatus_to_exitcode(status),
            },
            handle,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
