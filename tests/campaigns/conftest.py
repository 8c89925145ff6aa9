import io
from types import SimpleNamespace

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from blog.factories import ArticlePageFactory
from campaigns.models import CampaignHubPage, CampaignMaterial


def png_file(name="poster.png", size=(60, 90), colour=(200, 30, 30)):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "PNG")
    return ImageFile(io.BytesIO(output.getvalue()), name=name)


def central_image(union, title="Áp phích Tết Sum vầy"):
    return get_image_model().objects.create(
        title=title, description=title, collection=union.collection, file=png_file()
    )


def make_hub(parent, campaign, **kwargs):
    hub = CampaignHubPage(
        title=kwargs.pop("title", campaign.name),
        campaign=campaign,
        intro=kwargs.pop("intro", "Chuyên trang của chương trình."),
        **kwargs,
    )
    parent.add_child(instance=hub)
    hub.save_revision().publish()
    hub.refresh_from_db()
    return hub


@pytest.fixture
def hub_network(network):
    """The shared network fixture plus a published campaign hub with one poster."""
    hub = make_hub(network.central.home_page, network.campaign)
    poster = central_image(network.central)
    CampaignMaterial.objects.create(page=hub, kind="poster", title="Áp phích", image=poster)
    network.hub_page = hub
    network.poster = poster
    return network


@pytest.fixture
def publish():
    def _publish(column_page, **kwargs):
        return ArticlePageFactory(parent=column_page, **kwargs)

    return _publish


__all__ = ["SimpleNamespace", "central_image", "make_hub", "png_file"]
