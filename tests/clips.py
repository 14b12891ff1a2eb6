"""Small real video and audio files, encoded with PyAV, for the upload stories."""

from __future__ import annotations

import io
import math
import struct
import wave

import av
from PIL import Image


def mp4_bytes(size: tuple[int, int] = (320, 240), seconds: float = 2.0, fps: int = 10,
              metadata: dict[str, str] | None = None) -> bytes:
    """An MPEG-4 video that fades from blue to orange, with the container `metadata` given."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as out:
        out.metadata.update(metadata or {})
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        frames = max(1, int(seconds * fps))
        for index in range(frames):
            shade = int(255 * index / max(1, frames - 1))
            image = Image.new("RGB", size, (shade, 90, 255 - shade))
            for packet in stream.encode(av.VideoFrame.from_image(image)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buffer.getvalue()


def wav_bytes(seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A WAV file with a 440 Hz tone (written by the standard library)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = (int(8000 * math.sin(2 * math.pi * 440 * n / rate))
                   for n in range(int(seconds * rate)))
        out.writeframes(b"".join(struct.pack("<h", sample) for sample in samples))
    return buffer.getvalue()
