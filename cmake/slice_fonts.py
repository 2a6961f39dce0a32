#!/usr/bin/python3
# Slices the portals' fonts (Debian packages, see scripts/setup) into small files by Unicode range, plus the manifest the client reads.
#
# Run by the build (client-wasm/CMakeLists.txt) as:
#     slice_fonts.py OUTPUT_DIR
# It writes OUTPUT_DIR/manifest.json, one font file per slice and a .gz copy
# of each (the server sends precompressed files). See docs/fonts.md.
# `slice_fonts.py --faces` lists the faces it reads (the build's dependencies).
# The base slice is written as base.otf (the client asks for it by that name).
#
# Why slices: the whole of the faces below is more than 12 MB, and Dear ImGui
# 1.86 rasterises every glyph it is given into one texture. The browser loads
# the base slice (Latin-1 and the few symbols the UI draws) at start and any
# other slice only when text holding one of its code points arrives; the
# atlas then gets just the code points seen.
#
# The subsetting is pyftsubset's (fontTools.subset), called in-process so each
# face is parsed once rather than once per slice. Slices contain plain glyph
# outlines only: no layout tables (Dear ImGui neither shapes nor kerns), no
# hinting (stb_truetype ignores it). The name table keeps the copyright and
# licence records and drops the family names, since a subset is a modified
# version and some licences (the OFL's reserved font names) forbid it to carry
# the original name.
import gzip
import io
import json
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

# Faces in order of preference: a code point comes from the first face that
# has it. Inter is the UI face (Latin, Greek, Cyrillic); DejaVu Sans covers
# many other scripts and symbols; Droid Sans Fallback the Han ideographs and
# kana (TrueType outlines, which stb_truetype reads well); Nanum Gothic the
# Hangul syllables Droid lacks; Symbola the emoji and symbols, in one colour
# (Dear ImGui 1.86 cannot draw colour glyphs).
# `oversample`: Dear ImGui's horizontal oversampling; 1 for the ideographs,
# whose strokes are mostly straight, so that a page of CJK text keeps the
# texture small (Dear ImGui's own advice for CJK).
FACES = [
    {'name': 'inter', 'path': '/usr/share/fonts/opentype/inter/Inter-Regular.otf', 'oversample': 3},
    {'name': 'dejavu', 'path': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'oversample': 3},
    {'name': 'droid', 'path': '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', 'oversample': 1},
    {'name': 'nanum', 'path': '/usr/share/fonts/truetype/nanum/NanumGothic.ttf', 'oversample': 1},
    {'name': 'symbola', 'path': '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf', 'oversample': 2},
    # The icons (Font Awesome 4.7): private-use code points, so no other face
    # has them; only the ones the client names are cut (ICON_HEADER below).
    {'name': 'icons', 'path': '/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf', 'oversample': 2},
]

# The icons the client draws: the code points named in its icon header
# ("U+F015" in each definition's comment), so the header is the one list.
# They make one slice the client loads with the manifest, before its first
# frame, and only these: the whole face is some 700 icons.
ICON_HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'client-wasm', 'ui', 'icons.hpp')
ICON_FACE = 'icons'

# The base slice, loaded before the first frame: Basic Latin, Latin-1 and the
# punctuation, arrows and marks the UI itself draws (status labels ✓ ✗ ▲ ●,
# sort arrows, dashes and quotes) or that curriculum text uses most (− × ÷ ≈
# £ €); □ is the glyph drawn while a slice is still loading. Every file name
# here is fixed: the client asks for base.otf before the manifest arrives.
BASE = [
    (0x0020, 0x007E), (0x00A0, 0x00FF),
    (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122),
    (0x2190, 0x2193), (0x2212, 0x2212), (0x2248, 0x2248), (0x2260, 0x2260), (0x2264, 0x2265),
    (0x25A1, 0x25A1), (0x25B2, 0x25B2), (0x25BC, 0x25BC), (0x25CF, 0x25CF), (0x2713, 0x2713), (0x2717, 0x2717),
]
BASE_FACE = 'inter'

# Slices loaded on demand: a name, the ranges it gathers, and at most how many
# code points one file holds. Han and Hangul come in slices of 64 (about 8 KB
# compressed): the names of a class use a few dozen ideographs scattered over
# 28,000, nearly each in a slice of its own, so a slice's size is what each
# of them costs. Measured on the demo school's 43 Han and Hangul characters:
# 894 KB in 35 slices of 256, 279 KB in 38 slices of 64 (docs/fonts.md).
# Each (slice, face) pair becomes its own file. Code points no group names
# land in "other" slices of neighbouring code points.
GROUPS = [
    ('latin', [(0x0100, 0x024F), (0x0250, 0x02FF), (0x1D00, 0x1DBF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F),
               (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFB00, 0xFB06)], 1024),
    ('combining', [(0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)], 1024),
    ('greek', [(0x0370, 0x03FF), (0x1F00, 0x1FFF)], 1024),
    ('cyrillic', [(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)], 1024),
    ('armenian-hebrew', [(0x0530, 0x05FF), (0xFB13, 0xFB4F)], 1024),
    ('arabic', [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)], 1024),
    ('georgian', [(0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)], 1024),
    ('punctuation', [(0x2000, 0x20CF), (0x2100, 0x218F)], 1024),
    ('math', [(0x2190, 0x22FF), (0x27C0, 0x27FF), (0x2900, 0x2AFF)], 512),
    ('technical', [(0x2300, 0x24FF)], 512),
    ('shapes', [(0x2500, 0x25FF), (0x2B00, 0x2BFF)], 512),
    ('symbols', [(0x2600, 0x27BF)], 256),
    ('braille', [(0x2800, 0x28FF)], 256),
    ('cjk-symbols', [(0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3100, 0x312F), (0x31A0, 0x31EF), (0x3200, 0x33FF),
                     (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)], 512),
    ('kana', [(0x3040, 0x30FF), (0x31F0, 0x31FF)], 512),
    ('hangul-jamo', [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF)], 512),
    ('hangul', [(0xAC00, 0xD7AF)], 64),
    ('cjk', [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF)], 64),
    ('emoji', [(0x1F000, 0x1FAFF)], 256),
    ('math-letters', [(0x1D400, 0x1D7FF)], 512),
    ('icons', [(0xE000, 0xF8FF)], 1024),
]
OTHER_LIMIT = 512
# At most about this many bytes of outlines in one slice, so that a slice of
# detailed glyphs (Symbola's emoji, near 1 KB each) stays near 30 KB gzip.
SLICE_BUDGET = 48 * 1024
# How many slices are cut out of a face together first (see main()).
BATCH = 12


def icon_code_points():
    with open(ICON_HEADER, encoding='utf-8') as f:
        return sorted({int(hexa, 16) for hexa in re.findall(r'U\+(F[0-9A-F]{3})\b', f.read())})


def excluded(cp):
    """Code points never drawn as glyphs: controls, surrogates, private use, non-characters."""
    return (cp < 0x20 or 0x7F <= cp < 0xA0 or 0xD800 <= cp <= 0xF8FF or 0xFDD0 <= cp <= 0xFDEF
            or (cp & 0xFFFE) == 0xFFFE or 0xF0000 <= cp)



def runs(cps):
    """Sorted code points as [first, last] pairs of consecutive runs."""
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def glyph_sizes(font, cmap):
    """Roughly how many bytes of outline each code point's glyph takes."""
    sizes = {}
    if 'glyf' in font:
        loca = font['loca']
        order = font.getGlyphOrder()
        index = {name: i for i, name in enumerate(order)}
        for cp, name in cmap.items():
            i = index[name]
            sizes[cp] = loca[i + 1] - loca[i] if i + 1 < len(loca) else 0
    else:
        strings = font['CFF '].cff.topDictIndex[0].CharStrings
        for cp, name in cmap.items():
            charstring = strings[name]
            # Subroutine calls are expanded in the slices (desubroutinize).
            sizes[cp] = 2 * len(charstring.bytecode) if charstring.bytecode else 100
    return sizes


def subset_bytes(data, cps):
    """The face in `data` cut down to `cps`: outlines and metrics only."""
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True   # larger raw, smaller gzip; stb_truetype reads both
    options.notdef_outline = True
    options.name_IDs = [0, 13, 14]  # copyright, licence, licence URL
    options.name_languages = ['*']
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH', 'FFTM', 'BASE', 'JSTF', 'vhea', 'vmtx',
                            'gasp', 'DSIG', 'TSI0', 'TSI1', 'TSI2', 'TSI3', 'TSI5']
    # lazy: a face of 28,000 glyphs takes 6 s to parse whole, 1 s like this.
    font = TTFont(io.BytesIO(data), lazy=True)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=cps)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def write(out_dir, name, data):
    with open(os.path.join(out_dir, name), 'wb') as f:
        f.write(data)
    # mtime 0: the same fonts give the same bytes (and ETag) on every build.
    with open(os.path.join(out_dir, name + '.gz'), 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', compresslevel=9, fileobj=raw, mtime=0) as f:
            f.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: slice_fonts.py OUTPUT_DIR | --faces')
    if sys.argv[1] == '--faces':
        missing = [face['path'] for face in FACES if not os.path.isfile(face['path'])]
        if missing:
            sys.exit(f'missing {" ".join(missing)}')
        print(';'.join([face['path'] for face in FACES] + [os.path.normpath(ICON_HEADER)]))
        return
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):   # slices of an earlier build that may no longer exist
        if name.endswith(('.ttf', '.otf', '.gz', '.json')):
            os.remove(os.path.join(out_dir, name))

    faces = []
    for face in FACES:
        if not os.path.isfile(face['path']):
            sys.exit(f"slice_fonts.py: {face['path']} is missing; run scripts/setup")
        with open(face['path'], 'rb') as f:
            data = f.read()
        font = TTFont(io.BytesIO(data), lazy=True)
        if face['name'] == ICON_FACE:
            wanted = icon_code_points()
            cmap = {cp: name for cp, name in font.getBestCmap().items() if cp in wanted}
            lacking = [hex(cp) for cp in wanted if cp not in cmap]
            if lacking:
                sys.exit(f'slice_fonts.py: the icon face lacks {lacking} (client-wasm/ui/icons.hpp)')
        else:
            cmap = {cp: name for cp, name in font.getBestCmap().items() if not excluded(cp)}
        # stb_truetype sizes a face by its hhea ascent minus descent; the client
        # scales each face so that all have the same em (docs/fonts.md).
        height = (font['hhea'].ascent - font['hhea'].descent) / font['head'].unitsPerEm
        extension = '.otf' if 'CFF ' in font else '.ttf'
        faces.append({**face, 'data': data, 'cmap': cmap, 'sizes': glyph_sizes(font, cmap), 'height': height,
                      'extension': extension})

    # Each code point goes to the first face that has it.
    owner = {}
    for index, face in enumerate(faces):
        for cp in face['cmap']:
            owner.setdefault(cp, index)

    base_index = next(i for i, f in enumerate(faces) if f['name'] == BASE_FACE)
    if faces[base_index]['extension'] != '.otf':
        sys.exit('slice_fonts.py: the client asks for base.otf; a base face with TrueType outlines needs a new name')
    base = {cp for cp in owner if in_ranges(cp, BASE)}
    lacking = [hex(cp) for cp in base if owner[cp] != base_index]
    if lacking:
        sys.exit(f'slice_fonts.py: the base face lacks {lacking}')
    # A slice's file is its group and first code point ("cyrillic-400.otf"),
    # the base's base.otf.
    slices = [{'group': 'base', 'name': 'base', 'face': base_index, 'cps': sorted(base)}]

    taken = set(base)
    pieces = []   # (group name, code point limit, face index, code points)
    for name, ranges, limit in GROUPS:
        cps = {cp for cp in owner if cp not in taken and in_ranges(cp, ranges)}
        taken |= cps
        for index in range(len(faces)):
            mine = {cp for cp in cps if owner[cp] == index}
            if mine:
                pieces.append((name, limit, index, mine))
    rest = {cp for cp in owner if cp not in taken}
    for index in range(len(faces)):
        mine = {cp for cp in rest if owner[cp] == index}
        if mine:
            pieces.append(('other', OTHER_LIMIT, index, mine))

    for name, limit, index, cps in pieces:
        sizes = faces[index]['sizes']
        chunks = [[]]
        weight = 0
        for cp in sorted(cps):
            if chunks[-1] and (len(chunks[-1]) >= limit or weight + sizes[cp] > SLICE_BUDGET):
                chunks.append([])
                weight = 0
            chunks[-1].append(cp)
            weight += sizes[cp]
        for chunk in chunks:
            slices.append({'group': name, 'name': f'{name}-{chunk[0]:x}', 'face': index, 'cps': chunk})

    # Cutting a large face costs a second per slice however small the slice,
    # so neighbouring slices are first cut out together and then apart.
    total_raw = 0
    for index, face in enumerate(faces):
        mine = [s for s in slices if s['face'] == index]
        for start in range(0, len(mine), BATCH):
            batch = mine[start:start + BATCH]
            source = face['data']
            if len(mine) > 2:
                source = subset_bytes(source, {cp for s in batch for cp in s['cps']})
            for piece in batch:
                data = subset_bytes(source, set(piece['cps']))
                write(out_dir, piece['name'] + face['extension'], data)
                piece['bytes'] = len(data)
                total_raw += len(data)

    # One array per slice, the base first: its group, its face, then its
    # [first, last] code point pairs, each number written as the difference
    # from the number before it (across slices), which makes the manifest a
    # third of its size. Every first visit loads it.
    entries = []
    previous = 0
    for piece in slices:
        entry = [piece['group'], piece['face']]
        for cp in (cp for run in runs(piece['cps']) for cp in run):
            entry.append(cp - previous)
            previous = cp
        entries.append(entry)
    manifest = {
        'version': 1,
        # One entry per face: the extension of its files, how tall its
        # ascent-to-descent box is in ems, and how much Dear ImGui oversamples it.
        'faces': [{'name': f['name'], 'extension': f['extension'], 'height': round(f['height'], 5),
                   'oversample': f['oversample']} for f in faces],
        'slices': entries,
    }
    text = json.dumps(manifest, separators=(',', ':'))
    # No .gz: the server compresses JSON itself (and would compress a
    # precompressed copy a second time).
    with open(os.path.join(out_dir, 'manifest.json'), 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'slice_fonts.py: {len(slices)} slices, {total_raw // 1024} KB in all, base {slices[0]["bytes"] // 1024} KB')


if __name__ == '__main__':
    main()
