import factory

from .services import provision_department, provision_union


class UnionFactory(factory.Factory):
    """Unions are made the way production makes them: through the provisioning service."""

    class Meta:
        model = dict  # built by provision_union, see _create

    name = factory.Sequence(lambda n: f"Công đoàn Đơn vị {n}")
    short_name = factory.Sequence(lambda n: f"CĐ Đơn vị {n}")
    slug = factory.Sequence(lambda n: f"don-vi-{n}")
    hostname = factory.LazyAttribute(lambda o: f"{o.slug}.example.test")
    port = 80
    is_central = False

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return provision_union(**kwargs)

    _build = _create


class CentralUnionFactory(UnionFactory):
    name = "Công đoàn Viên chức Việt Nam"
    short_name = "CĐVC Việt Nam"
    slug = "trung-uong"
    hostname = "central.example.test"
    is_central = True


class DepartmentFactory(factory.Factory):
    """A central department, made through the provisioning service (the central union must
    exist)."""

    class Meta:
        model = dict  # built by provision_department, see _create

    name = factory.Sequence(lambda n: f"Ban Chuyên môn {n}")
    short_name = factory.Sequence(lambda n: f"Ban CM {n}")
    slug = factory.Sequence(lambda n: f"ban-{n}")
    accounts = ()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return provision_department(**kwargs)

    _build = _create
