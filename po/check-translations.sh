#!/bin/sh
# Checks that a translation is valid, complete and up to date with the sources.
#
#   po/check-translations.sh PO_DIR [LANGUAGE]
#
# PO_DIR is the po folder of the source tree (its parent is the source root,
# which is where the paths in POTFILES start). LANGUAGE defaults to "es".
#
# Fails when
#   - a file under src/, ui/ or data/ with translatable text is not in POTFILES, or
#   - msgfmt --check rejects PO_DIR/LANGUAGE.po (syntax, header, plural forms,
#     format strings such as %s/%u that do not match the original), or
#   - LANGUAGE.po has any untranslated or fuzzy message, or
#   - LANGUAGE.po is out of date: a template made afresh from the files listed
#     in POTFILES, merged into LANGUAGE.po the way `meson compile
#     quarterdeck-update-po` does, has untranslated or fuzzy messages. In
#     that case run `meson compile -C BUILDDIR quarterdeck-update-po` and
#     translate what it lists.
#
# The xgettext options below mirror meson's i18n.gettext(preset: 'glib')
# (see the quarterdeck-pot target in build.ninja); keep them in step.
#
# Environment: XGETTEXT, MSGMERGE, MSGFMT and MSGATTRIB override the tools.

set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 PO_DIR [LANGUAGE]" >&2
  exit 2
fi

podir=$(cd "$1" && pwd) || exit 2
lang=${2:-es}
srcroot=$(dirname "$podir")
package=quarterdeck
po="$podir/$lang.po"

XGETTEXT=${XGETTEXT:-xgettext}
MSGMERGE=${MSGMERGE:-msgmerge}
MSGFMT=${MSGFMT:-msgfmt}
MSGATTRIB=${MSGATTRIB:-msgattrib}

for tool in "$XGETTEXT" "$MSGMERGE" "$MSGFMT" "$MSGATTRIB"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-translations: $tool is not installed (it comes with GNU gettext)" >&2
    exit 77   # skipped
  fi
done

if [ ! -s "$po" ]; then
  echo "FAIL: $po is missing or empty" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-translations.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0

# Lists the msgctxt/msgid (and source references) of the untranslated and
# fuzzy messages in a .po file, leaving out the header.
list_incomplete () {
  for which in --untranslated --only-fuzzy; do
    "$MSGATTRIB" $which --no-obsolete --no-wrap "$1" 2>/dev/null |
      awk -v kind="${which#--}" '
        BEGIN { RS = ""; FS = "\n" }
        /msgstr ""\n"Project-Id-Version:/ || /^msgid ""\nmsgstr ""\n"[A-Za-z-]+: / { next }
        {
          printf "  [%s]\n", kind
          in_id = 0
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^#:/ || $i ~ /^msgctxt / || $i ~ /^msgid/) { in_id = ($i !~ /^#:/); print "    " $i; continue }
            if ($i ~ /^msgstr/) { in_id = 0; continue }
            if (in_id && $i ~ /^"/) print "    " $i
          }
        }'
  done
}

# msgfmt counts a plural message as translated when only some of its
# msgstr[N] are empty, and at run time the empty form would show as nothing.
list_empty_plural_forms () {
  "$MSGATTRIB" --no-obsolete "$1" 2>/dev/null |
    awk '
      BEGIN { RS = ""; FS = "\n" }
      {
        bad = 0
        for (i = 1; i <= NF; i++)
          if ($i ~ /^msgstr\[[0-9]+\] ""$/ && (i == NF || $(i + 1) !~ /^"/))
            bad = 1
        if (!bad) next
        in_id = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^#:/ || $i ~ /^msgctxt / || $i ~ /^msgid/) { in_id = ($i !~ /^#:/); print "    " $i; continue }
          if ($i ~ /^msgstr/) { in_id = 0; continue }
          if (in_id && $i ~ /^"/) print "    " $i
        }
      }'
}

# msgfmt prints e.g. "224 translated messages, 1 fuzzy translation, 2
# untranslated messages." on stderr.
check_po () {
  label=$1
  file=$2
  if ! "$MSGFMT" --check --statistics -o /dev/null "$file" >"$tmp/msgfmt.log" 2>&1; then
    echo "FAIL: msgfmt --check rejects $label:" >&2
    sed 's/^/  /' "$tmp/msgfmt.log" >&2
    return 1
  fi
  stats=$(tail -n 1 "$tmp/msgfmt.log")
  echo "$label: $stats"
  empty_forms=$(list_empty_plural_forms "$file")
  if [ -n "$empty_forms" ]; then
    echo "FAIL: $label has plural messages with an empty form:" >&2
    echo "$empty_forms" >&2
    return 1
  fi
  case $stats in
    *fuzzy*|*untranslated*)
      echo "FAIL: $label has untranslated or fuzzy messages:" >&2
      list_incomplete "$file" >&2
      return 1
      ;;
  esac
  return 0
}

# 1. The file as it is.
check_po "$lang.po" "$po" || status=1
own_status=$status

# 2. The file merged with a template made afresh from the sources.
if [ ! -f "$podir/POTFILES" ]; then
  echo "FAIL: $podir/POTFILES is missing" >&2
  exit 1
fi

# Every file named in POTFILES must exist (xgettext would stop at the first).
missing=$(cd "$srcroot" && sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$podir/POTFILES" |
          while read -r f; do [ -f "$f" ] || echo "  $f"; done)
if [ -n "$missing" ]; then
  echo "FAIL: POTFILES names files that do not exist:" >&2
  echo "$missing" >&2
  exit 1
fi

# Every source or UI file with translatable text must be in POTFILES, or
# update-po silently leaves its messages out.
unlisted=$(cd "$srcroot" &&
           grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|g_dngettext|g_dpgettext2|translatable="yes"' -r \
             --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' \
             src ui data 2>/dev/null | sort |
           while read -r f; do
             sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$podir/POTFILES" | grep -qxF "$f" || echo "  $f"
           done)
if [ -n "$unlisted" ]; then
  echo "FAIL: these files have translatable text but are not listed in po/POTFILES:" >&2
  echo "$unlisted" >&2
  status=1
fi

if ! "$XGETTEXT" --package-name="$package" -p "$tmp" -f "$podir/POTFILES" \
       -D "$srcroot" -k_ -o "$package.pot" \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format \
       --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
       --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
       --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
       --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
       --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
       --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       2>"$tmp/xgettext.log"; then
  echo "FAIL: xgettext could not extract the messages from the files in POTFILES:" >&2
  sed 's/^/  /' "$tmp/xgettext.log" >&2
  exit 1
fi

if ! "$MSGMERGE" --quiet -o "$tmp/$lang.po" "$po" "$tmp/$package.pot" 2>"$tmp/msgmerge.log"; then
  echo "FAIL: msgmerge could not merge $lang.po with the sources:" >&2
  sed 's/^/  /' "$tmp/msgmerge.log" >&2
  exit 1
fi

if ! check_po "$lang.po merged with the current sources" "$tmp/$lang.po"; then
  if [ $own_status -eq 0 ]; then
    echo "  $lang.po is out of date with the sources: run" >&2
    echo "  'meson compile -C BUILDDIR $package-update-po' and translate the messages above." >&2
  fi
  status=1
fi

if [ $status -eq 0 ]; then
  echo "PASS: $lang.po is complete and up to date"
fi
exit $status
