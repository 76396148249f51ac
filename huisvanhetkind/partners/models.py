"""Networks, their werkingsgebied, organisations, contact persons, memberships and aanbod."""

from datetime import date

from sqlalchemy import (BigInteger, ForeignKey, String, Text, UniqueConstraint, and_, inspect,
                        literal, or_, true)
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..db import CodeList, Timestamps, Versioned, nieuwe_revisie
from ..domein.nakijken import is_verouderd, nakijk_grens
from ..domein.taxonomie import normalise, zoektekst
from ..extensions import db


def _sleutel_default(context) -> str:
    # Core inserts (the Flanders generator's bulk inserts) pass through no ORM validator
    return normalise(context.get_current_parameters().get("naam") or "")


def _zoektekst_default(context) -> str:
    p = context.get_current_parameters()
    return zoektekst(p.get("naam"), p.get("beschrijving"))


KORT_WOORD = 2  # a query word this short matches only at the start of a word ('partner b')


def zoekt(q: str, *columns):
    """WHERE clause: every word of q occurs in one of these normalised columns, whatever its
    case, accents or spacing ('oudercafe' finds 'Oudercafé', 'cafe samen' 'Oudercafé Samen
    Sterk'); a word of one or two letters only where a word starts ('partner b' finds 'Partner
    B', not every text with a b in it). The same on SQLite and PostgreSQL."""
    def woord_in(c, woord):
        if len(woord) > KORT_WOORD:
            return c.contains(woord, autoescape=True)
        return (literal(" ") + c).contains(" " + woord, autoescape=True)
    return and_(true(), *(or_(*(woord_in(c, woord) for c in columns))
                          for woord in normalise(q).split()))


class MetNaamSleutel:
    """`naam_sleutel` = normalise(naam): the one comparison of names by case, accents and spacing,
    equal on both engines (SQLite's lower() folds ASCII only). Set whenever naam is set."""
    naam_sleutel: Mapped[str] = mapped_column(String(200), index=True, default=_sleutel_default,
                                              server_default="")

    @validates("naam")
    def _zet_naam_sleutel(self, key, naam):
        self.naam_sleutel = normalise(naam or "")
        return naam

    @classmethod
    def met_naam(cls, naam: str):
        """WHERE clause: this name, whatever its case, accents or spacing."""
        return cls.naam_sleutel == normalise(naam)


class Netwerk(MetNaamSleutel, Versioned, Timestamps, db.Model):
    """A Huis van het Kind."""
    __tablename__ = "netwerk"
    __audit__ = True
    __audit_exclude__ = ("revisie", "feitenrevisie", "naam_sleutel")
    __gedeeld_feit__ = True  # other networks read its name and area (revisie.py)

    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200), unique=True)
    rechtsvorm: Mapped[str] = mapped_column(String(30), default="geen")
    aanvraagdatum: Mapped[date | None]
    erkenningsdatum: Mapped[date | None]
    coordinator_naam: Mapped[str] = mapped_column(String(200), default="")
    coordinator_email: Mapped[str] = mapped_column(String(254), default="")
    beschrijving: Mapped[str] = mapped_column(Text, default="")
    publiek: Mapped[bool] = mapped_column(default=False)  # publishes a public aanbod page
    # origins (https://www.gemeente.be) that may embed the public guide in a frame
    gids_origins: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    # a new random token with every commit touching the network (revisie.py): the dossier, the
    # public guide and the HSDS feed show more than the analysis facts (contact persons, reviews)
    revisie: Mapped[int] = mapped_column(BigInteger, default=nieuwe_revisie, server_default="0")
    # ... and one that changes only with the facts the analysis reads (facts.py): a new contact
    # person or review remark needs a new dossier, not a new analysis bundle
    feitenrevisie: Mapped[int] = mapped_column(BigInteger, default=nieuwe_revisie,
                                               server_default="0")

    werkingsgebied = relationship("WerkingsgebiedDeel", back_populates="netwerk", lazy="raise",
                                  cascade="all, delete-orphan", order_by="WerkingsgebiedDeel.nis")
    lidmaatschappen = relationship("Lidmaatschap", back_populates="netwerk", lazy="raise",
                                   cascade="all, delete-orphan")
    coordinatoren = relationship("Gebruiker", secondary="gebruiker_netwerk", lazy="raise",
                                 viewonly=True)

    def audit_scope(self):
        return self.id, None

    def __str__(self) -> str:
        return self.naam


class WerkingsgebiedDeel(db.Model):
    """One municipality of a werkingsgebied, whole (deel empty) or a named part of it."""
    __tablename__ = "werkingsgebied"
    __audit__ = True
    __gedeeld_feit__ = True  # other networks read it (E2, revisie.py)
    __table_args__ = (UniqueConstraint("netwerk_id", "nis", "deel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    nis: Mapped[str] = mapped_column(String(5), index=True)
    deel: Mapped[str] = mapped_column(String(200), default="")  # '' = the whole municipality

    netwerk = relationship("Netwerk", back_populates="werkingsgebied", lazy="raise")

    def audit_scope(self):
        return self.netwerk_id, None


class Organisatie(MetNaamSleutel, Versioned, Timestamps, db.Model):
    """A partner organisation; it can be a member of several networks."""
    __tablename__ = "organisatie"
    __audit__ = True
    __gedeeld_feit__ = True  # name and area of a verplicht_kg aanbod's organisation (revisie.py)
    # what facts.py never reads (a test checks the facts do not change with any of them)
    __geen_feit_kolommen__ = frozenset({
        "straat", "postcode", "plaats", "email", "telefoon", "website", "beschrijving",
        "naam_sleutel", "version", "created_at", "updated_at"})
    __audit_exclude__ = ("naam_sleutel",)

    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200), index=True)
    kbo: Mapped[str | None] = mapped_column(String(10), unique=True)  # 10 digits, no dots
    sector: Mapped[str] = mapped_column(String(30), index=True)
    gemeenten: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    straat: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    plaats: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    telefoon: Mapped[str] = mapped_column(String(50), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    beschrijving: Mapped[str] = mapped_column(Text, default="")

    contactpersonen = relationship("Contactpersoon", back_populates="organisatie", lazy="raise",
                                   cascade="all, delete-orphan", order_by="Contactpersoon.naam")
    lidmaatschappen = relationship("Lidmaatschap", back_populates="organisatie", lazy="raise")
    aanbod = relationship("Aanbod", back_populates="organisatie", lazy="raise",
                          cascade="all, delete-orphan", order_by="Aanbod.naam")

    def audit_scope(self):
        return None, self.id

    def __str__(self) -> str:
        return self.naam


class Contactpersoon(Versioned, db.Model):
    """Only what is needed to reach a partner: name, function, work e-mail and phone (GDPR)."""
    __tablename__ = "contactpersoon"
    __audit__ = True
    __geen_feit__ = True  # not in the analysis facts (revisie.py)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(
        ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    naam: Mapped[str] = mapped_column(String(200))
    functie: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    telefoon: Mapped[str] = mapped_column(String(50), default="")

    organisatie = relationship("Organisatie", back_populates="contactpersonen", lazy="raise")

    def audit_scope(self):
        return None, self.organisatie_id


class Lidmaatschap(Versioned, Timestamps, db.Model):
    """An organisation's membership of a network; lid_tot set = left (history is kept)."""
    __tablename__ = "lidmaatschap"
    __audit__ = True
    __gedeeld_feit__ = True  # which networks a verplicht_kg aanbod belongs to (revisie.py)
    __table_args__ = (UniqueConstraint("netwerk_id", "organisatie_id"),
                      UniqueConstraint("netwerk_id", "sleutel"))

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    organisatie_id: Mapped[int] = mapped_column(
        ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    sleutel: Mapped[str | None] = mapped_column(String(100))  # the import key within the network
    rol: Mapped[str] = mapped_column(String(200), default="")  # role in the network
    lid_sinds: Mapped[date | None]
    lid_tot: Mapped[date | None]
    overeenkomst_getekend: Mapped[bool] = mapped_column(default=False)
    overeenkomst_datum: Mapped[date | None]

    netwerk = relationship("Netwerk", back_populates="lidmaatschappen", lazy="raise")
    organisatie = relationship("Organisatie", back_populates="lidmaatschappen", lazy="raise")

    @property
    def actief(self) -> bool:
        return self.lid_tot is None

    def audit_scope(self):
        return self.netwerk_id, self.organisatie_id


class Aanbod(Versioned, Timestamps, db.Model):
    """One service or activity of a partner, classified by the taxonomies of domein.md §3."""
    __tablename__ = "aanbod"
    __audit__ = True
    __audit_exclude__ = ("zoektekst",)
    __table_args__ = (UniqueConstraint("organisatie_id", "sleutel"),)
    # what facts.py never reads (a test checks the facts do not change with any of them): a
    # partner marking aanbod 'nagekeken' or rewording it leaves every analysis as it is
    __geen_feit_kolommen__ = frozenset({
        "sleutel", "beschrijving", "contact", "openingsuren", "laatst_nagekeken_op", "zoektekst",
        "version", "created_at", "updated_at"})

    id: Mapped[int] = mapped_column(primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(
        ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    sleutel: Mapped[str | None] = mapped_column(String(100))
    naam: Mapped[str] = mapped_column(String(200))
    beschrijving: Mapped[str] = mapped_column(Text, default="")
    aanbodvorm: Mapped[str] = mapped_column(String(40), index=True)
    functies: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    leeftijdsgroepen: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    doelgroep: Mapped[str] = mapped_column(String(20), default="universeel")
    werkvormen: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    # empty: the organisation's own municipalities
    gemeenten: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    laagdrempelig: Mapped[bool] = mapped_column(default=False)
    # indexed: every analysis asks for the ~1,000 of 60,000 (facts._verplicht_kg)
    verplicht_kg: Mapped[bool] = mapped_column(default=False, index=True)
    contact: Mapped[str] = mapped_column(Text, default="")
    openingsuren: Mapped[str] = mapped_column(Text, default="")
    startdatum: Mapped[date | None]
    einddatum: Mapped[date | None]
    laatst_nagekeken_op: Mapped[date | None]
    # zoektekst(naam, beschrijving): set here whenever either is set, by the default on Core inserts
    zoektekst: Mapped[str] = mapped_column(Text, default=_zoektekst_default, server_default="")

    organisatie = relationship("Organisatie", back_populates="aanbod", lazy="raise")

    @validates("naam", "beschrijving")
    def _zet_zoektekst(self, key, waarde):
        andere = {"naam": self.beschrijving, "beschrijving": self.naam}[key]
        self.zoektekst = (zoektekst(waarde, andere) if key == "naam"
                          else zoektekst(andere, waarde))
        return waarde

    def __gedeeld_feit__(self) -> bool:
        """Verplicht_kg aanbod (before or after this change) is read by every network whose
        area it serves, member or not (facts._verplicht_kg; revisie.py)."""
        return bool(self.verplicht_kg) or True in inspect(self).attrs.verplicht_kg.history.deleted

    @hybrid_method
    def verouderd_op(self, vandaag: date) -> bool:
        """Not nagekeken for 12 months on this day (domein/nakijken.py); also a SQL filter."""
        return is_verouderd(self.laatst_nagekeken_op, vandaag)

    @verouderd_op.expression
    def verouderd_op(cls, vandaag: date):
        return or_(cls.laatst_nagekeken_op.is_(None),
                   cls.laatst_nagekeken_op < nakijk_grens(vandaag))

    @property
    def verouderd(self) -> bool:
        return self.verouderd_op(date.today())

    def audit_scope(self):
        return None, self.organisatie_id

    def __str__(self) -> str:
        return self.naam
