"""The user-facing error types and the exit codes they map to."""

from __future__ import annotations

# Exit codes, documented in README.md ("Exit codes") and in `briefing make --help`.
EXIT_OK = 0  # every input was used
EXIT_PARTIAL = 1  # a briefing was written, but some inputs were skipped
EXIT_USAGE = 2  # bad command line or configuration
EXIT_NOTHING = 3  # no input could be used; nothing was written
EXIT_OUTPUT = 4  # the briefing could not be written, or its email could not be sent
EXIT_INTERNAL = 70  # a bug (EX_SOFTWARE); the previous briefing is untouched


class BriefingError(Exception):
    """An error the user can act on; the CLI prints its message, never a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(BriefingError):
    """One input file cannot be used (empty, binary, undecodable, unreadable)."""

    exit_code = EXIT_PARTIAL

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(BriefingError):
    """The configuration file or a command-line option is invalid."""

    exit_code = EXIT_USAGE
