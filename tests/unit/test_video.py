"""Video and audio uploads are opened with FFmpeg before anyone sees them: real clips pass and
give a poster frame, anything else is refused with a reason."""

from __future__ import annotations

import io

import av
import pytest

from cocreate.lib.video import (
    MediaRejected,
    check_audio,
    check_video,
    poster_bytes,
    without_metadata,
)
from tests.clips import mp4_bytes, wav_bytes
from tests.people import png_bytes


def test_a_real_video_passes_and_gives_a_poster_about_a_second_in():
    info = check_video(mp4_bytes((320, 240), seconds=3.0), "video/mp4")
    assert (info.width, info.height) == (320, 240)
    assert 2.5 <= info.seconds <= 3.5
    red, _, blue = info.poster.getpixel((160, 120))
    assert red > 40 and blue < 215  # a frame from after the start, not the first blue one
    assert poster_bytes(info.poster).startswith(b"\xff\xd8\xff")


def test_a_very_short_clip_still_gets_a_poster():
    assert check_video(mp4_bytes(seconds=0.2), "video/mp4").poster.size == (320, 240)


@pytest.mark.parametrize("data, declared, reason", [
    (png_bytes(), "video/mp4", "does not match its type"),
    (b"\x00" * 5000, "video/mp4", "could not be read"),
    (mp4_bytes(), "video/webm", "does not match its type"),
    (mp4_bytes(), "video/x-msvideo", "Upload an MP4, MOV or WebM video"),
    (wav_bytes(), "video/mp4", "does not match its type"),
])
def test_what_is_not_a_video_is_refused_with_a_reason(data, declared, reason):
    with pytest.raises(MediaRejected, match=reason):
        check_video(data, declared)


def test_audio_for_remix_kits():
    assert 0.9 <= check_audio(wav_bytes(1.0), "audio/wav").seconds <= 1.1
    with pytest.raises(MediaRejected, match="holds no sound"):
        check_audio(mp4_bytes(), "audio/mp4")
    with pytest.raises(MediaRejected):
        check_audio(png_bytes(), "audio/wav")


def test_the_stored_copy_leaves_the_uploaders_metadata_behind():
    original = mp4_bytes(metadata={"location": "+48.8584+002.2945/", "comment": "home video"})
    assert b"home video" in original
    cleaned = without_metadata(original, "video/mp4")
    assert b"home video" not in cleaned and b"48.8584" not in cleaned
    with av.open(io.BytesIO(cleaned)) as reopened:
        assert "location" not in reopened.metadata
    info = check_video(cleaned, "video/mp4")
    assert (info.width, info.height) == (320, 240) and info.seconds > 1.5
    sound = without_metadata(wav_bytes(0.5), "audio/wav")
    assert check_audio(sound, "audio/wav").seconds > 0.4
