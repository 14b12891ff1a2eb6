"""Checking untrusted video and audio uploads with PyAV (FFmpeg), and taking a video's poster.

A video must open as the container its type claims, hold a video stream of a sane size and
length, and decode: the poster frame (about a second in, or a third of a short clip) proves
it and becomes the still that pages, galleries and share cards show. Audio must open and hold
an audio stream. Both are then remuxed (packets copied, nothing re-encoded) into a fresh
container, which leaves the uploader's metadata behind: a phone's GPS position, device
names, comments and tags.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import av
from PIL import Image

VIDEO_TYPES = {
    "video/mp4": ("mp4", "mov"), "video/quicktime": ("mov", "mp4"), "video/webm": ("webm",),
}
AUDIO_TYPES = {
    "audio/mpeg": ("mp3",), "audio/mp4": ("mp4", "m4a", "mov"), "audio/ogg": ("ogg",),
    "audio/wav": ("wav",), "audio/webm": ("webm",),
}
MAX_SECONDS = 600
MAX_SIDE = 4096
POSTER_AT = 1.0  # seconds
MAX_FRAMES_FOR_POSTER = 600
MUXERS = {
    "video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm", "audio/mpeg": "mp3",
    "audio/mp4": "ipod", "audio/ogg": "ogg", "audio/wav": "wav", "audio/webm": "webm",
}


class MediaRejected(Exception):
    """The upload is not a video or audio file we accept; the message is shown to its owner."""


@dataclass(frozen=True)
class VideoInfo:
    width: int
    height: int
    seconds: float
    poster: Image.Image


@dataclass(frozen=True)
class AudioInfo:
    seconds: float


def _open(data: bytes, declared_type: str, accepted: dict[str, tuple[str, ...]]
          ) -> av.container.InputContainer:
    try:
        container = av.open(io.BytesIO(data), mode="r")
    except (av.error.FFmpegError, ValueError) as error:
        raise MediaRejected("The file could not be read as a video or audio file.") from error
    names = set(container.format.name.split(","))
    if not names & set(accepted[declared_type]):
        container.close()
        raise MediaRejected(f"The file's content does not match its type ({declared_type}).")
    return container


def _seconds(container: av.container.InputContainer) -> float:
    seconds = (container.duration or 0) / av.time_base
    if seconds > MAX_SECONDS:
        raise MediaRejected(f"The clip is too long; the limit is {MAX_SECONDS // 60} minutes.")
    return seconds


def check_video(data: bytes, declared_type: str) -> VideoInfo:
    """Validate a video upload and take its poster frame."""
    if declared_type not in VIDEO_TYPES:
        raise MediaRejected("Upload an MP4, MOV or WebM video.")
    container = _open(data, declared_type, VIDEO_TYPES)
    with container:
        if not container.streams.video:
            raise MediaRejected("The file holds no video.")
        stream = container.streams.video[0]
        width, height = stream.codec_context.width, stream.codec_context.height
        if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
            raise MediaRejected(f"The video is too large; the limit is {MAX_SIDE} pixels a side.")
        seconds = _seconds(container)
        target = min(POSTER_AT, seconds / 3) if seconds else 0.0
        poster = None
        try:
            for count, frame in enumerate(container.decode(stream)):
                poster = frame.to_image()
                at = float(frame.time) if frame.time is not None else 0.0
                if at >= target or count >= MAX_FRAMES_FOR_POSTER:
                    break
        except (av.error.FFmpegError, ValueError) as error:
            raise MediaRejected("The video could not be decoded.") from error
    if poster is None:
        raise MediaRejected("The video has no frames we could show.")
    return VideoInfo(width=width, height=height, seconds=seconds, poster=poster.convert("RGB"))


def check_audio(data: bytes, declared_type: str) -> AudioInfo:
    """Validate an audio upload (remix kits): it opens and holds sound."""
    if declared_type not in AUDIO_TYPES:
        raise MediaRejected("Upload an MP3, M4A, OGG, WAV or WebM audio file.")
    container = _open(data, declared_type, AUDIO_TYPES)
    with container:
        if not container.streams.audio:
            raise MediaRejected("The file holds no sound.")
        return AudioInfo(seconds=_seconds(container))


def poster_bytes(poster: Image.Image) -> bytes:
    """The poster as a JPEG, ready for the image pipeline."""
    buffer = io.BytesIO()
    poster.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def without_metadata(data: bytes, declared_type: str) -> bytes:
    """The same video or sound in a new container without the uploader's metadata."""
    output = io.BytesIO()
    try:
        with av.open(io.BytesIO(data), mode="r") as source, \
                av.open(output, mode="w", format=MUXERS[declared_type]) as target:
            streams = {
                stream.index: target.add_stream_from_template(stream)
                for stream in source.streams if stream.type in ("video", "audio")
            }
            for packet in source.demux(*[source.streams[i] for i in streams]):
                if packet.dts is None:
                    continue
                packet.stream = streams[packet.stream.index]
                target.mux(packet)
    except (av.error.FFmpegError, ValueError, KeyError) as error:
        raise MediaRejected("The file could not be copied without its metadata.") from error
    return output.getvalue()
