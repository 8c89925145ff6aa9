"""The demo draws its pictures locally: at least twelve different scenes, and every union a
logo of its own (initials and badge shape)."""

import io

from PIL import Image, ImageChops, ImageStat

from demo import content
from demo.images import MOTIFS, article_image, logo_image
from demo.loader import _initials


def picture(seed):
    return Image.open(io.BytesIO(article_image(seed, "#a61b1b"))).convert("L").resize((120, 68))


def test_at_least_twelve_scenes_each_unlike_the_others():
    assert len(MOTIFS) >= 12
    pictures = [picture(seed) for seed in range(len(MOTIFS))]
    # Same colours, same seed family: the scenes themselves differ (mean pixel difference).
    for i, first in enumerate(pictures):
        for second in pictures[i + 1 :]:
            assert ImageStat.Stat(ImageChops.difference(first, second)).mean[0] > 3


def test_every_demo_union_has_its_own_initials_and_logo():
    names = [data["name"] for data in [content.CENTRAL, *content.UNIONS]]
    initials = [_initials(name) for name in names]
    assert len(set(initials)) == len(names)
    assert _initials("Công đoàn Bộ Tư pháp") == "BTP"
    logos = {logo_image(text, motif=index) for index, text in enumerate(initials)}
    assert len(logos) == len(names)
