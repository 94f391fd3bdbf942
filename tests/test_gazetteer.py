"""Gazetteer: name folding, centre computations, the cache, and lookups of well-known places."""

from __future__ import annotations

import pickle

import pytest

from wirecoder.resources import division_points as dp
from wirecoder.resources import gazetteer as gz
from wirecoder.resources import gazetteer_names as names
from wirecoder.resources import geo_centres as gc
from wirecoder.resources.gazetteer_names import fold, is_latin, keys_for, strip_article


def test_fold_strips_diacritics_apostrophes_and_hyphens():
    assert fold("Dar‘ā") == "dara"
    assert fold("Dar'a") == "dara"
    assert fold("Al-Qāmishlī") == "al qamishli"
    assert fold("U.S.") == "us"


def test_fold_spells_out_letters_that_have_no_marks_to_strip():
    assert fold("Østfold") == "ostfold"
    assert fold("Łódź") == "lodz"
    assert fold("Diyarbakır") == "diyarbakir"
    assert fold("Straße") == "strasse"
    assert keys_for("Tromsø") == {"tromso"}


def test_article_is_optional_in_keys():
    assert strip_article("al qamishli") == "qamishli"
    assert strip_article("alabama") == "alabama"
    assert keys_for("Al Qamishli") == {"al qamishli", "qamishli"}


def test_non_latin_names_are_not_indexed():
    assert not is_latin(fold("Латакия"))
    assert keys_for("لاذقية") == set()


def test_mean_position_handles_the_antimeridian():
    lat, lon = gc.mean_position([(0.0, 179.0), (0.0, -179.0)])
    assert abs(abs(lon) - 180.0) < 1e-6 and lat == 0.0


def test_box_centre_is_not_dragged_by_crowded_coast():
    # Many towns on an eastern coast, a few inland: the box middle stays inland of the mean.
    pts = [(-20.0 - i * 0.1, 153.0) for i in range(40)] + [(-20.0, 138.0), (-25.0, 140.0), (-15.0, 141.0)]
    box_lat, box_lon = gc.box_centre(pts)
    mean_lat, mean_lon = gc.mean_position(pts)
    assert box_lon < mean_lon - 3


def _square(lat0: float, lon0: float, side: float) -> list[list[float]]:
    return [[lon0, lat0], [lon0 + side, lat0], [lon0 + side, lat0 + side], [lon0, lat0 + side], [lon0, lat0]]


def test_main_landmass_centroid_takes_the_largest_polygon():
    outline = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {
        "type": "MultiPolygon",
        "coordinates": [[_square(10.0, 20.0, 4.0)], [_square(-30.0, -60.0, 1.0)]]}}]}
    lat, lon = gc.main_landmass_centroid(outline)
    assert abs(lat - 12.0) < 0.1 and abs(lon - 22.0) < 0.1


def test_main_landmass_centroid_across_the_antimeridian():
    ring = [[178.0, 0.0], [-178.0, 0.0], [-178.0, 2.0], [178.0, 2.0], [178.0, 0.0]]
    lat, lon = gc.main_landmass_centroid({"type": "Polygon", "coordinates": [ring]})
    assert abs(lat - 1.0) < 0.1 and abs(abs(lon) - 180.0) < 0.1


def test_country_point_is_the_midpoint_of_reference_and_landmass():
    outline = {"type": "Polygon", "coordinates": [_square(0.0, 0.0, 10.0)]}  # centroid near (5, 5)
    lat, lon = gc.country_point([15.0, 5.0], outline)
    assert abs(lat - 10.0) < 0.2 and abs(lon - 5.0) < 0.2
    assert gc.country_point([15.0, 5.0], None) == (15.0, 5.0)
    assert gc.country_point(None, None) is None


def test_every_country_gets_its_point_from_the_one_rule(gaz):
    # No per-country table: the gazetteer's US point is exactly the rule's output on the curated point.
    from countryinfo import CountryInfo

    rec = CountryInfo("United States").info()
    assert "country_centres.tsv" not in {p.name for p in gz._data_dir().glob("*")}
    us = gaz.country("USA")
    expected = gc.country_point(dp.country_points()["US"], rec.get("geoJSON"))
    assert abs(us.lat - expected[0]) < 1e-3 and abs(us.lon - expected[1]) < 1e-3


def test_division_point_is_the_midpoint_of_reference_and_towns():
    towns = [(50.0, 10.0), (52.0, 12.0), (50.0, 12.0), (52.0, 10.0), (51.0, 11.0)]
    assert gc.division_point(None, towns) == gc.box_centre(towns)
    lat, lon = gc.division_point((53.0, 11.0), towns)
    assert abs(lat - 52.0) < 1e-6 and abs(lon - 11.0) < 1e-6


def test_division_point_ignores_a_town_far_beyond_all_others():
    # Towns within about 200 km of the curated point, and one mis-coded 1,500 km west.
    towns = [(33.0 + dy, 120.0 + dx) for dy in (-1.5, 0.0, 1.5) for dx in (-1.5, 0.0, 1.5)]
    lat, lon = gc.division_point((33.0, 120.0), [*towns, (30.0, 104.0)])
    assert abs(lat - 33.0) < 0.1 and abs(lon - 120.0) < 0.1
    # A lone northern town not much farther out than the southern ones stays in the box (Quebec's north).
    frontier = [(45.0, -74.0), (46.0, -72.0), (47.0, -70.0), (48.0, -65.0), (49.0, -79.0), (62.0, -75.0)]
    assert gc.division_point((52.5, -72.0), frontier)[0] > 52.5


def test_division_keys_drop_generic_words():
    assert "latakia" in dp.division_keys("Latakia Governorate")
    assert "berlin" in dp.division_keys("State of Berlin")
    assert "qadisiyah" in dp.division_keys("Al-Qadisiyah")


def _towns_around(lat: float, lon: float, spread: float = 2.0) -> list[tuple[float, float]]:
    return [(lat + dy, lon + dx) for dy in (-spread, 0.0, spread) for dx in (-spread, 0.0, spread)]


def test_divisions_match_by_name_and_spelling():
    towns = {("CA", "Alberta"): _towns_around(54.0, -115.0, 3.0),
             ("ES", "Castille and León"): _towns_around(41.7, -4.5)}
    m = dp.match_divisions(towns)
    assert set(m.points) == set(towns)
    assert m.by_name == 1 and m.by_spelling == 1
    assert m.names[("ES", "Castille and León")] == "Castile and Leon"


def test_a_state_point_outside_the_towns_is_rejected():
    # Right name, wrong place (towns in the Sahara): the division keeps the towns' own middle.
    m = dp.match_divisions({("CA", "Alberta"): _towns_around(20.0, 10.0),
                            ("CA", "Saskatchewan"): _towns_around(54.0, -106.0)})
    assert ("CA", "Alberta") not in m.points and m.rejected == 1


def test_a_spelling_is_compared_with_every_form_of_a_state_name():
    # The package's shortest form of "North Darfur" is its Arabic name; the English one must still count.
    m = dp.match_divisions({("SD", "Northern Darfur"): [(13.6, 25.3), (14.2, 24.7), (13.6, 24.1)]})
    assert m.names.get(("SD", "Northern Darfur")) == "North Darfur"


def test_a_state_point_beyond_its_few_towns_but_nearest_them_is_kept():
    # A desert state's point lies far north of its towns, yet no other division's town is nearer to it.
    towns = {("SD", "Northern Darfur"): [(13.6, 25.3), (14.2, 24.7)],
             ("SD", "Southern Darfur"): [(12.0, 24.9), (11.5, 24.5)]}
    m = dp.match_divisions(towns)
    assert m.points.get(("SD", "Northern Darfur")) == (16.0, 26.0)
    # Another division's towns lying nearer to it make the same point a namesake's, or a slip.
    towns[("SD", "Northern State")] = [(16.5, 26.5)]
    m = dp.match_divisions(towns)
    assert ("SD", "Northern Darfur") not in m.points


def test_most_divisions_get_a_curated_point(gaz):
    matched, total = gz.load_index()["admin1_matched"]
    assert matched / total > 0.8


def test_admin1_points_use_the_curated_state_point(gaz):
    alberta = _best(gaz, "Alberta", "CA")
    assert alberta.feature == "admin1"
    csc = dp.match_divisions({("CA", "Alberta"): _towns_around(54.0, -115.0, 3.0)}).points[("CA", "Alberta")]
    # The stored point is the midpoint of the curated point and the towns' middle: within a few degrees.
    assert abs(alberta.lat - csc[0]) < 3 and abs(alberta.lon - csc[1]) < 3


def test_load_index_reads_a_cached_file_without_rebuilding(tmp_path):
    data = {"format": gz.FORMAT_VERSION, "marker": 42}
    path = tmp_path / "gazetteer-test.pickle"
    gz._write_atomic(path, data)
    assert gz.load_index(path)["marker"] == 42
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temp file left behind
    with path.open("rb") as fh:
        assert pickle.load(fh) == data


def test_cache_key_is_stable():
    assert gz.cache_key() == gz.cache_key()


@pytest.fixture(scope="module")
def gaz() -> gz.Gazetteer:
    return gz.load_gazetteer()


def _best(gaz: gz.Gazetteer, name: str, cc: str | None = None) -> gz.Entry:
    cands = [c for c in gaz.candidates(name) if cc is None or c.entry.cc == cc]
    assert cands, f"no candidates for {name!r}"
    return max(cands, key=lambda c: c.entry.population).entry


@pytest.mark.parametrize("name", ["Qamishli", "Al Qamishli", "Deraa", "Daraa", "Dar'a", "Tadmur",
                                  "Homs", "Aleppo", "Latakia"])
def test_syrian_places_and_transliterations(gaz, name):
    e = _best(gaz, name, "SY")
    assert e.country == "SYR"
    assert 32.0 < e.lat < 37.5 and 35.5 < e.lon < 42.5


def test_palmyra_reaches_tadmur(gaz):
    assert any(c.entry.cc == "SY" and c.entry.feature == "city" for c in gaz.candidates("Palmyra"))


def test_latakia_has_a_province(gaz):
    assert any(c.entry.feature == "admin1" and c.entry.cc == "SY" for c in gaz.candidates("Latakia"))


def test_countries_and_aliases(gaz):
    for text in ("U.S.", "United States", "USA"):
        assert _best(gaz, text).country == "USA"
    assert _best(gaz, "Britain").country == "GBR"
    assert gaz.country("SYR").name == "Syria"
    assert gaz.country("CH").country == "CHE"


def test_demonyms_are_separate(gaz):
    assert gaz.is_demonym("Syrian")
    assert all(c.demonym for c in gaz.candidates("Syrian"))
    assert not gaz.is_demonym("Syria")


def test_dateline_abbreviations(gaz):
    assert any(c.entry.name == "Kentucky" for c in gaz.candidates("Ky."))
    assert any(c.entry.name == "New South Wales" for c in gaz.candidates("NSW"))


def test_entries_have_valid_coordinates(gaz):
    for i in range(0, len(gaz), 997):
        e = gaz.entry(i)
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        assert e.precision in ("point", "city", "admin1", "region", "country")


def test_french_compass_divisions_have_their_english_names():
    from wirecoder.resources.gazetteer import _english_compass

    assert _english_compass("Nord-Kivu") == "North Kivu"
    assert _english_compass("Sud Ubangi") == "South Ubangi"
    assert _english_compass("Nord") is None
    assert _english_compass("Nordland") is None


def test_codes_and_dotted_initials():
    assert names.is_code("CO") and names.is_code("U.S.") and names.is_code("NSW")
    assert not names.is_code("Co.") and not names.is_code("Cork")
    assert names.dotted_initials("D.C.") == "DC" and names.dotted_initials("Md.") is None
    assert names.dotted_initials("DC") is None
    assert names.name_initials("District of Columbia") == "DC"
    assert names.name_initials("Democratic Republic of the Congo") == "DRC"
    assert names.name_initials("Guinea-Bissau") == "GB"


@pytest.mark.parametrize("name, lat, lon", [
    # Rough centres, for a test that can only pass near the right county.
    ("Cheshire", 53.2, -2.6), ("Greater Manchester", 53.5, -2.3), ("Northamptonshire", 52.3, -0.9),
    ("Co. Down", 54.4, -5.9)])
def test_counties_the_data_has_only_in_parts_are_whole(gaz, name, lat, lon):
    e = _best(gaz, name, "GB")
    assert e.feature == "admin2" and e.admin1 in ("England", "Northern Ireland")
    assert abs(e.lat - lat) < 0.5 and abs(e.lon - lon) < 0.7
    # As many people as its parts together: more than any one of them.
    parts = {"Cheshire": "Cheshire East", "Greater Manchester": "Manchester",
             "Northamptonshire": "North Northamptonshire", "Co. Down": "Ards and North Down"}
    assert e.population > _best(gaz, parts[name], "GB").population


@pytest.mark.parametrize("name, cc", [
    ("Gezira", "SD"), ("Kordofan", "SD"), ("Salahuddin", "IQ"), ("Hadramout", "YE"), ("Shabwa", "YE"),
    ("Unity State", "SS"), ("Karen State", "MM"), ("Lower Shabelle", "SO"), ("Puntland", "SO"),
    ("Somaliland", "SO"), ("Cyrenaica", "LY"), ("South Ossetia", "GE"), ("Mindanao", "PH"),
    ("Waziristan", "PK")])
def test_conflict_regions_go_by_their_english_names(gaz, name, cc):
    e = _best(gaz, name)
    assert e.cc == cc and e.feature in ("admin1", "region")


def test_an_abbreviation_names_its_division_only_with_its_dot(gaz):
    assert any(c.entry.name == "Massachusetts" for c in gaz.candidates("Mass."))
    assert not any(c.entry.name == "Massachusetts" for c in gaz.candidates("Mass"))
    assert any(c.entry.name == "Alberta" for c in gaz.candidates("Alta.")) and not any(
        c.entry.name == "Alberta" for c in gaz.candidates("Alta"))


@pytest.mark.parametrize("name, cc", [("Long Island", "US"), ("Luzon", "PH"), ("Honshu", "JP"), ("Majorca", "ES"),
                                      ("Vancouver Island", "CA"), ("Celebes", "ID"), ("Trinidad", "TT"),
                                      ("Bioko", "GQ"), ("Tenerife", "ES")])
def test_big_islands_are_regions_not_their_small_namesakes(gaz, name, cc):
    e = _best(gaz, name)
    assert e.cc == cc and e.feature == "region"


@pytest.mark.parametrize("name", ["Urals", "Rockies", "Hindu Kush", "Mekong Delta", "Beqaa Valley", "Fraser Valley",
                                  "Crimean Peninsula", "Balkan Peninsula"])
def test_mountains_rivers_valleys_and_deltas_are_regions(gaz, name):
    assert _best(gaz, name).feature == "region"


@pytest.mark.parametrize("name, cc", [("Katanga", "CD"), ("West Kasai", "CD"), ("Province Orientale", "CD"),
                                      ("Vest-Agder", "NO"), ("Hedmark", "NO"), ("Rhône-Alpes", "FR"),
                                      ("Burgundy", "FR"), ("Coast Province", "KE")])
def test_former_divisions_news_still_names_are_regions(gaz, name, cc):
    e = _best(gaz, name)
    assert e.cc == cc and e.feature == "region"


@pytest.mark.parametrize("name, lat, lon", [("Lake Erie", 42.2, -81.2), ("Lake Victoria", -1.0, 33.0),
                                            ("Lake Geneva", 46.4, 6.5), ("Lake Albert", 1.7, 30.9),
                                            ("Greater Toronto Area", 43.7, -79.4)])
def test_lakes_and_metropolitan_regions_outrank_their_small_namesakes(gaz, name, lat, lon):
    e = _best(gaz, name)
    assert e.feature == "region" and abs(e.lat - lat) < 1 and abs(e.lon - lon) < 1


def test_spelling_skeletons_meet_across_romanisations():
    same = [("Deir Ezzor", "Deir ez-Zor"), ("Hassakeh", "Al-Hasakah"), ("Jisr al-Shughur", "Jisr ash Shughur"),
            ("Sulaimaniyah", "Sulaymaniyah"), ("Ras al-Ain", "Ra's al 'Ayn"), ("Maarat al-Numan", "Ma'arrat an Nu'man"),
            ("Arraqqa", "Ar Raqqah")]
    for a, b in same:
        assert names.spelling_skeleton(fold(a)) == names.spelling_skeleton(fold(b)), (a, b)
    for a, b in [("Homs", "Hama"), ("Raqqa", "Riyadh"), ("Idlib", "Irbil"), ("Tal Afar", "Tal Abyad")]:
        assert names.spelling_skeleton(fold(a)) != names.spelling_skeleton(fold(b)), (a, b)


def test_respelt_finds_another_romanisation_only_in_arabic_script_countries(gaz):
    assert {(c.entry.name, c.entry.cc) for c in gaz.respelt("Deir Ezzor") if c.entry.feature == "city"} == {
        ("Deir ez-Zor", "SY")}
    assert all(c.alternate for c in gaz.respelt("Hassakeh"))
    assert gaz.respelt("Homs") == ()  # spelt so already: nothing more
    # Qiyang's skeleton is "qiang", but Chinese names have one romanisation, which the news uses
    assert gaz.respelt("Qiang") == ()
    assert gz.arabic_script_countries({"SY": {"languages": "ar-SY,ku"}, "IR": {"languages": "fa-IR,ku"},
                                       "IL": {"languages": "he,ar-IL"}, "CN": {"languages": "zh-CN"}}) == {"SY", "IR"}
