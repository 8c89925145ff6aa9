"""Demo content for the campaigns app: a hub for each demo campaign, with posters drawn
locally (Pillow, see demo/images.py) and the guidance as its document."""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from campaigns.models import CampaignHubDocument, CampaignHubPage, CampaignMaterial, MaterialKind
from demo import content
from demo.images import article_image

POSTER_SIZE = (900, 1270)
BANNER_SIZE = (1500, 500)


def _picture(collection, seed, colour, size, title, name):
    return get_image_model().objects.create(
        title=title,
        description=title,
        collection=collection,
        file=ImageFile(io.BytesIO(article_image(seed, colour, size=size)), name=name),
    )


def ten_year_review(data, heading="Mười năm “Tết Sum vầy”"):
    """The hub's look back (campaigns.blocks.ReviewBlock) as StreamField data."""
    return [
        (
            "timeline",
            {
                "heading": heading,
                "entries": [
                    {"year": year, "title": title, "figure": figure, "text": text, "image": None}
                    for year, title, figure, text in data["timeline"]
                ],
            },
        ),
        *[
            (
                "figures",
                {
                    "label": label,
                    "unit": unit,
                    "values": [{"year": year, "value": value} for year, value in values],
                },
            )
            for label, unit, values in data["figures"]
        ],
    ]


def create_campaign_hubs(central, campaigns, guidance_page=None, log=print):
    """Publish one hub per campaign under the central home; return them by campaign slug."""
    home = central.home_page
    colour = central.site.sitebranding.primary_colour
    hubs = {}
    for number, campaign in enumerate(campaigns, start=1):
        hub = CampaignHubPage(
            title=campaign.name,
            slug=campaign.slug,
            campaign=campaign,
            intro=campaign.description[:500],
        )
        home.add_child(instance=hub)
        poster = _picture(
            central.collection,
            900 + number,
            colour,
            POSTER_SIZE,
            f"Áp phích {campaign.name}",
            f"ap-phich-{campaign.slug}.jpg",
        )
        banner = _picture(
            central.collection,
            950 + number,
            colour,
            BANNER_SIZE,
            f"Băng rôn {campaign.name}",
            f"bang-ron-{campaign.slug}.jpg",
        )
        CampaignMaterial.objects.create(
            page=hub,
            sort_order=0,
            kind=MaterialKind.POSTER,
            title=f"Áp phích “{campaign.slogan or campaign.name}”",
            description="Khổ A3 dọc; in kèm mã QR dẫn đến chuyên trang.",
            image=poster,
        )
        CampaignMaterial.objects.create(
            page=hub,
            sort_order=1,
            kind=MaterialKind.BANNER,
            title=f"Băng rôn {campaign.name}",
            description="Tỷ lệ 3:1, treo tại hội trường, cổng cơ quan.",
            image=banner,
        )
        if guidance_page is not None:
            CampaignHubDocument.objects.create(page=hub, document_page=guidance_page)
            if guidance_page.document_id:
                CampaignMaterial.objects.create(
                    page=hub,
                    sort_order=2,
                    kind=MaterialKind.APPENDIX,
                    title="Hướng dẫn 25/HD-CĐVC và phụ lục tài liệu tuyên truyền",
                    document=guidance_page.document,
                )
        if campaign.slug == content.TEN_YEAR_REVIEW["campaign"]:
            hub.review = ten_year_review(content.TEN_YEAR_REVIEW)
        hub.save_revision(log_action=False).publish(log_action=False)
        hubs[campaign.slug] = hub
    log(f"  {len(hubs)} chuyên trang chương trình")
    return hubs
