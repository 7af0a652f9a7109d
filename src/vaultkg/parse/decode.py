"""A note's bytes as text: the size limit and the decoding (UTF-8, a BOM, else a clear error)."""

from __future__ import annotations

from ..model import Diagnostic

DEFAULT_MAX_BYTES = 5_000_000


def too_large(path: str, size: int, max_bytes: int) -> Diagnostic:
    return Diagnostic(
        path,
        1,
        1,
        "error",
        "too-large",
        f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; split it or raise "
        "max_file_size in vaultkg.toml",
    )


def decode(data: bytes, path: str) -> tuple[str | None, bool, Diagnostic | None]:
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    if b"\x00" in data[:8192]:
        return (
            None,
            bom,
            Diagnostic(
                path,
                1,
                1,
                "error",
                "undecodable",
                "file looks binary (NUL bytes), not Markdown; rename it or move it out of "
                "the vault",
            ),
        )
    try:
        return data.decode("utf-8"), bom, None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return (
            None,
            bom,
            Diagnostic(
                path,
                line,
                col,
                "error",
                "undecodable",
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); re-save the note as UTF-8",
            ),
        )
