#!/bin/sh
# The Vietnamese catalogs (locale/vi/LC_MESSAGES/django.po, djangojs.po) translate Wagtail's,
# wagtail-localize's and a few of Django's admin strings; our own code is written in
# Vietnamese. Translators edit the .po files. This merges the installed packages' current
# strings into them (msgmerge against their English catalogs: new strings come in empty,
# removed ones become obsolete "#~" entries) and compiles them (compilemessages, which checks
# the placeholders). Needs GNU gettext (msgcat, msgmerge, msgfmt). Run: make messages
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
pkg() { "$PY" -c "import os, $1; print(os.path.dirname($1.__file__))"; }
WAGTAIL=$(pkg wagtail)
LOCALIZE=$(pkg wagtail_localize)
DJANGO=$(pkg django)
# The apps whose admin screens editors use (not forms, search promotions, styleguide…).
SOURCES="$WAGTAIL/admin $WAGTAIL $WAGTAIL/images $WAGTAIL/documents $WAGTAIL/snippets
$WAGTAIL/contrib/settings $WAGTAIL/users $WAGTAIL/embeds $WAGTAIL/sites $WAGTAIL/search
$WAGTAIL/locales $LOCALIZE $LOCALIZE/locales $WAGTAIL/contrib/redirects $DJANGO/conf
$DJANGO/contrib/admin $DJANGO/contrib/auth"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for domain in django djangojs; do
    files=""
    for source in $SOURCES; do
        catalog="$source/locale/en/LC_MESSAGES/$domain.po"
        [ -f "$catalog" ] && files="$files $catalog"
    done
    # shellcheck disable=SC2086
    msgcat --use-first --no-location -o "$work/$domain.pot" $files
    msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-location \
        "locale/vi/LC_MESSAGES/$domain.po" "$work/$domain.pot"
done
"$PY" manage.py compilemessages --locale vi --ignore ".venv" --ignore "node_modules"
