"""A small corpus of three unrelated events, three reports each, for the story clustering tests."""

from __future__ import annotations

FLOOD = [
    "Heavy rain flooded the river valley around Passau on Monday, forcing hundreds of residents to leave their "
    "homes. The Danube rose above the old town walls and firefighters built sandbag barriers along the river. "
    "Mayor Jürgen Dupper said the flood was the worst the town had seen in a decade.",
    "Firefighters in Passau piled sandbags along the Danube as the river flooded the old town after days of heavy "
    "rain. Hundreds of residents were evacuated. Mayor Jürgen Dupper called the flood the worst in ten years and "
    "asked residents to stay away from the river banks.",
    "The Danube burst its banks in Passau, where Mayor Jürgen Dupper said rain had driven the river to its highest "
    "level in a decade. Residents of the flooded old town were evacuated while firefighters raised sandbag walls.",
]
CHESS = [
    "Magnus Carlsen won the chess tournament in Wijk aan Zee on Sunday, beating Anish Giri in the final round with "
    "the black pieces. Carlsen finished a full point ahead of the field after thirteen rounds of classical chess.",
    "Anish Giri lost the final round to Magnus Carlsen, who took the Wijk aan Zee chess tournament with a point to "
    "spare. The world champion played the black pieces and converted a long endgame in the classical game.",
    "In Wijk aan Zee, Magnus Carlsen clinched the tournament by beating Anish Giri in the last round. The chess "
    "champion ended a full point clear of the field after thirteen classical rounds, winning with the black pieces.",
]
PROBE = [
    "Astronomers at the European Southern Observatory said the Juno probe photographed lightning storms on Jupiter. "
    "The spacecraft's camera captured bright flashes above the planet's clouds during its latest orbit.",
    "The Juno spacecraft recorded lightning flashes in the clouds of Jupiter, astronomers reported. Images from the "
    "probe's camera show storms over the planet's poles taken during the latest close orbit.",
    "Lightning storms rage above the clouds of Jupiter in new images from the Juno probe. Astronomers said the "
    "spacecraft's camera caught the flashes while it made its latest orbit of the planet.",
]

# Two meetings of the same two people, weeks apart, each a different event with its own reports.
MEETING_MARCH = [
    "Foreign ministers Annalena Baerbock and Antony Blinken met in Berlin on Tuesday to discuss sanctions, the two "
    "governments said. Baerbock and Blinken agreed to coordinate export controls and sanctions enforcement.",
    "Annalena Baerbock hosted Antony Blinken in Berlin, where the ministers discussed sanctions and agreed to "
    "coordinate export controls, officials from both governments said on Tuesday.",
]
MEETING_MAY = [
    "Foreign ministers Annalena Baerbock and Antony Blinken met in Berlin on Thursday to discuss sanctions, the two "
    "governments said. Baerbock and Blinken agreed to coordinate export controls and new sanctions measures.",
    "Antony Blinken and Annalena Baerbock discussed sanctions in Berlin and agreed to coordinate export controls, "
    "officials from both governments said on Thursday after the ministers met.",
]


def records() -> list[dict[str, str]]:
    """The three events as JSON Lines records, ids flood-0 .. probe-2, dated a day apart per report."""
    out = []
    for name, texts, month in (("flood", FLOOD, "05"), ("chess", CHESS, "01"), ("probe", PROBE, "03")):
        for i, text in enumerate(texts):
            out.append({"id": f"{name}-{i}", "text": text, "published": f"2024-{month}-{10 + i:02d}"})
    return out
