"""The sheets partners, aanbod, verwijzingen and engagementen written into one network.

Used by apply.importeer inside its transaction; see there for the matching rules.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...domein.engagementregel import GEREALISEERD
from ...erkenning.models import Actie, Engagement
from ...erkenning.operations import realisatie_probleem
from ...extensions import db
from ...graaf.models import Verwijzing
from ...domein.permissions import (Actor, OrganisatieRef, VerwijzingRef, can_answer_invitation,
                                    can_edit_organisatie, can_edit_verwijzing)
from ...domein.taxonomie import VERWIJZINGSSOORT
from .. import eigendom, operations
from ..models import Aanbod, Lidmaatschap, Netwerk, Organisatie
from ..refs import organisatie_refs
from .apply import gewenst, vergelijkbaar, zet
from .columns import kolom
from .cells import CelFout
from .fouten import Fout
from .parsing import Bestand, PartnerIndex, Ref, Rij, sleutel
from .rapport import GEWIJZIGD, NIEUW, ONGEWIJZIGD, TOESTEMMING, Rapport, Wijziging, toon

ORGANISATIE_VELDEN = (("naam", None), ("kbo", None), ("sector", None), ("gemeenten", ()),
                      ("email", ""))
LID_VELDEN = (("sleutel", None), ("lid_sinds", None), ("overeenkomst_getekend", False))
AANBOD_VELDEN = (("sleutel", None), ("naam", None), ("aanbodvorm", None), ("functies", ()),
                 ("leeftijdsgroepen", ()), ("doelgroep", "universeel"), ("werkvormen", ()),
                 ("gemeenten", ()), ("laagdrempelig", False), ("verplicht_kg", False))
VERWIJZING_VELDEN = (("aantal_per_jaar", None), ("sinds", None), ("bevestigd", False))
ACTIE_VELDEN = (("deadline", None), ("status", "gepland"), ("bewijs", ""),
                ("gerealiseerd_op", None))


class Schrijver:
    def __init__(self, bestand: Bestand, actor: Actor | None = None):
        self.bestand = bestand
        # who imports: None is the command line (a beheerder's rights); a coordinator changes
        # only what the ownership rules allow and asks consent for the rest (domein.md §10)
        self.actor = actor
        self.refs: dict[int, OrganisatieRef] = {}
        self.uitgenodigd: set[int] = set()  # existing organisations invited, not yet members
        self.rapport = Rapport()
        self.fouten: list[Fout] = []
        self.netwerk: Netwerk | None = None
        self.leden: list[Lidmaatschap] = []
        self.org_van_rij: dict[int, Organisatie] = {}  # id(partner Rij) → its organisation

    def fout(self, r: Rij, kolom: str, uitleg: str) -> None:
        self.fouten.append(Fout(r.blad, r.rij, kolom, uitleg))

    def laad_leden(self, leden: list[Lidmaatschap]) -> None:
        self.leden = leden
        # references to partners not in the file: active members first, then former ones
        index = dict(sleutel_van=lambda m: m.sleutel, kbo_van=lambda m: m.organisatie.kbo,
                     naam_van=lambda m: m.organisatie.naam)
        self.actief = PartnerIndex([m for m in leden if m.lid_tot is None], **index)
        self.vroeger = PartnerIndex([m for m in leden if m.lid_tot is not None], **index)
        self.namen = {m.organisatie_id: m.organisatie.naam for m in leden}
        self.op_sleutel, self.op_naam = defaultdict(list), defaultdict(list)
        for m in leden:  # indexes: a Flanders-scale file must not compare every row to every lid
            if m.sleutel:
                self.op_sleutel[sleutel(m.sleutel)].append(m)
            self.op_naam[sleutel(m.organisatie.naam)].append(m)

    # -- partners ---------------------------------------------------------------------------
    def partners(self) -> None:
        rijen = self.bestand.rijen("partners")
        kbos = {r["kbo"] for r in rijen if r["kbo"]}
        op_kbo = {o.kbo: o for o in db.session.scalars(
            select(Organisatie).where(Organisatie.kbo.in_(kbos)))} if kbos else {}
        gevonden: dict[int, Rij] = {}
        nieuw = []
        for r in rijen:
            org = self._zoek_partner(r, op_kbo)
            if org is False:
                continue
            if org is not None:
                if org.id in gevonden:
                    self.fout(r, "naam", f"dit is dezelfde partner als rij {gevonden[org.id].rij}.")
                    continue
                gevonden[org.id] = r
            else:
                org = Organisatie(**gewenst(self.bestand, r, ORGANISATIE_VELDEN))
                db.session.add(org)
                nieuw.append(org)
            self.org_van_rij[id(r)] = org
        db.session.flush()  # ids for the new organisations
        self.refs = organisatie_refs(o.id for o in self.org_van_rij.values() if o not in nieuw)
        lid_van = {m.organisatie_id: m for m in self.leden}
        for r in rijen:
            org = self.org_van_rij.get(id(r))
            if org is not None:
                self._partner(r, org, org in nieuw, lid_van.get(org.id))
        db.session.flush()

    def _zoek_partner(self, r: Rij, op_kbo: dict):
        """The existing organisation this row is, None for a new one, False on an error."""
        op_sleutel = None
        if r["sleutel"] and self.op_sleutel.get(sleutel(r["sleutel"])):
            op_sleutel = self.op_sleutel[sleutel(r["sleutel"])][0].organisatie
        kbo = op_kbo.get(r["kbo"]) if r["kbo"] else None
        if kbo is not None:
            if op_sleutel is not None and op_sleutel is not kbo:
                self.fout(r, "sleutel", f"deze sleutel hoort in dit netwerk al bij "
                                        f"'{op_sleutel.naam}', niet bij KBO-nummer {r['kbo']}.")
                return False
            return kbo
        if op_sleutel is not None:
            if r["kbo"] and op_sleutel.kbo and op_sleutel.kbo != r["kbo"]:
                self.fout(r, "kbo", f"de partner met deze sleutel ('{op_sleutel.naam}') heeft "
                                    "een ander KBO-nummer.")
                return False
            return op_sleutel
        kandidaten = [m.organisatie for m in self.op_naam.get(sleutel(r["naam"]), ())
                      if not (r["kbo"] and m.organisatie.kbo and m.organisatie.kbo != r["kbo"])]
        if len(kandidaten) > 1:
            self.fout(r, "naam", "meerdere partners van dit netwerk hebben deze naam; geef een "
                                 "sleutel of KBO-nummer.")
            return False
        return kandidaten[0] if kandidaten else None

    def mag(self, check, *doelen) -> bool:
        return self.actor is None or check(self.actor, *doelen)

    def _voorstel(self, doel, org: Organisatie, waarden: dict, w: Wijziging, blad: str,
                  aanbod: Aanbod | None = None) -> None:
        """Data the organisation owns: differences become a proposal it accepts or declines."""
        afwijkend = {a: v for a, v in waarden.items() if vergelijkbaar(getattr(doel, a))
                     != vergelijkbaar(v) and not (a == "kbo" and v is None)}
        if not afwijkend:
            return
        eigendom.stel_voor(org, self.netwerk.id, self.actor.id, afwijkend,
                           "Voorgesteld door een import.", aanbod=aanbod)
        for attr, nieuw in afwijkend.items():
            k = kolom(blad, attr)
            w.velden.append((k.naam, toon(k, getattr(doel, attr)), toon(k, nieuw)))
        w.soort = TOESTEMMING
        w.label += f" (voorstel: {org.naam} beheert deze gegevens zelf)"

    def _partner(self, r: Rij, org: Organisatie, org_nieuw: bool, lid: Lidmaatschap | None):
        w = Wijziging(NIEUW if lid is None else ONGEWIJZIGD, r["naam"], r.rij)
        ref = self.refs.get(org.id)
        if lid is None and not org_nieuw and not self.mag(can_answer_invitation, ref):
            # an existing organisation joins only with its consent: invite it, change nothing
            if eigendom.open_uitnodiging(self.netwerk.id, org.id) is None:
                termen = {k: v for k, v in gewenst(self.bestand, r, LID_VELDEN).items()
                          if k in operations.LID_VELDEN}  # the import key stays the network's
                eigendom.nodig_uit(self.netwerk.id, org.id, self.actor.id, **termen)
            self.uitgenodigd.add(org.id)
            w.soort = TOESTEMMING
            w.label += " (bestaande organisatie: uitgenodigd, partner na aanvaarding)"
            self.namen[org.id] = org.naam
            self.rapport.blad("partners").wijzigingen.append(w)
            return
        if not org_nieuw:
            waarden = gewenst(self.bestand, r, ORGANISATIE_VELDEN)
            if self.mag(can_edit_organisatie, ref):
                for attr, value in waarden.items():
                    if not (attr == "kbo" and value is None):
                        zet(org, attr, value, w, "partners")
            else:
                self._voorstel(org, org, waarden, w, "partners")
        if lid is None:
            db.session.add(Lidmaatschap(netwerk_id=self.netwerk.id, organisatie_id=org.id,
                                        **gewenst(self.bestand, r, LID_VELDEN)))
            if not org_nieuw:
                w.label += " (bestaande organisatie, nieuw lid)"
        else:
            for attr, value in gewenst(self.bestand, r, LID_VELDEN).items():
                zet(lid, attr, value, w, "partners")
            if lid.lid_tot is not None:
                w.velden.append(("lid_tot", lid.lid_tot.strftime("%d/%m/%Y"), "— (opnieuw lid)"))
                lid.lid_tot = None
                w.soort = GEWIJZIGD
        self.namen[org.id] = org.naam
        self.rapport.blad("partners").wijzigingen.append(w)

    def _laad_refs(self, orgs) -> None:
        """The references of every organisation a sheet names, in one go: one by one, each
        lookup also flushed the rows added before it (a 40-partner preview: 183 statements, now 27)."""
        nodig = {o.id for o in orgs if o is not None} - self.refs.keys()
        self.refs.update(organisatie_refs(nodig))

    def _ref(self, org: Organisatie) -> OrganisatieRef:
        """The organisation's permission reference; one this import made (or that had none)
        counts as a member of this network only."""
        if org.id not in self.refs:
            self._laad_refs([org])
        ref = self.refs[org.id]
        return replace(ref, netwerk_ids=ref.netwerk_ids | {self.netwerk.id})

    def org_voor(self, r: Rij, kolom: str) -> Organisatie | None:
        ref: Ref = r[kolom]
        if ref.rij is not None:
            org = self.org_van_rij.get(id(ref.rij))  # None: that row has its own error
            if org is not None and org.id in self.uitgenodigd:
                self.fout(r, kolom, f"{org.naam} is uitgenodigd maar nog geen partner: dit kan "
                                    "pas na de aanvaarding van de uitnodiging.")
                return None
            return org
        try:
            lid = self.actief.zoek(ref.tekst) or self.vroeger.zoek(ref.tekst)
        except CelFout as e:
            self.fout(r, kolom, str(e))
            return None
        if lid is None:
            self.fout(r, kolom, f"onbekende partner '{ref.tekst}': niet in het blad partners en "
                                "geen partner van dit netwerk.")
            return None
        return lid.organisatie

    # -- aanbod -----------------------------------------------------------------------------
    def aanbod(self) -> None:
        rijen = [(r, self.org_voor(r, "partner")) for r in self.bestand.rijen("aanbod")]
        self._laad_refs(o for _, o in rijen)
        ids = {o.id for _, o in rijen if o is not None}
        van_org = defaultdict(list)
        for a in db.session.scalars(select(Aanbod).where(Aanbod.organisatie_id.in_(ids))
                                    .order_by(Aanbod.id)) if ids else ():
            van_org[a.organisatie_id].append(a)
        gebruikt: dict[int, Rij] = {}
        for r, org in rijen:
            if org is None:
                continue
            a = self._zoek_aanbod(r, van_org[org.id])
            if a is False:
                continue
            if a is not None and a.id in gebruikt:
                self.fout(r, "naam", f"dit is hetzelfde aanbod als rij {gebruikt[a.id].rij}.")
                continue
            velden = gewenst(self.bestand, r, AANBOD_VELDEN)
            label = f"{org.naam}: {r['naam']}"
            if not self.mag(can_edit_organisatie, self._ref(org)):
                if a is None:
                    self.fout(r, "naam", f"{org.naam} beheert haar aanbod zelf (of andere netwerken "
                                         "rekenen erop): nieuw aanbod voegt de organisatie zelf "
                                         "toe. Laat deze rij weg.")
                    continue
                gebruikt[a.id] = r
                w = Wijziging(ONGEWIJZIGD, label, r.rij)
                self._voorstel(a, org, velden, w, "aanbod", aanbod=a)
                self.rapport.blad("aanbod").wijzigingen.append(w)
                continue
            if a is None:
                db.session.add(Aanbod(organisatie_id=org.id, **velden))
                w = Wijziging(NIEUW, label, r.rij)
            else:
                gebruikt[a.id] = r
                w = Wijziging(ONGEWIJZIGD, label, r.rij)
                for attr, value in velden.items():
                    zet(a, attr, value, w, "aanbod")
            self.rapport.blad("aanbod").wijzigingen.append(w)

    def _zoek_aanbod(self, r: Rij, lijst: list[Aanbod]):
        if r["sleutel"]:
            hit = next((a for a in lijst
                        if a.sleutel and sleutel(a.sleutel) == sleutel(r["sleutel"])), None)
            if hit is not None:
                return hit
        hits = [a for a in lijst if sleutel(a.naam) == sleutel(r["naam"])
                and not (r["sleutel"] and a.sleutel)]
        if len(hits) > 1:
            self.fout(r, "naam", "deze partner heeft meerdere aanbod met deze naam; geef een "
                                 "sleutel.")
            return False
        return hits[0] if hits else None

    # -- verwijzingen -----------------------------------------------------------------------
    def verwijzingen(self) -> None:
        rijen = [(r, self.org_voor(r, "van"), self.org_voor(r, "naar"))
                 for r in self.bestand.rijen("verwijzingen")]
        self._laad_refs(o for _, v, n in rijen for o in (v, n))
        ids = {o.id for _, v, n in rijen for o in (v, n) if o is not None}
        bestaand = {(v.van_id, v.naar_id, v.soort): v for v in db.session.scalars(
            select(Verwijzing).where(Verwijzing.van_id.in_(ids), Verwijzing.naar_id.in_(ids)))
        } if ids else {}
        for r, van, naar in rijen:
            if van is None or naar is None:
                continue
            if van.id == naar.id:
                self.fout(r, "naar", "een partner kan niet naar zichzelf verwijzen.")
                continue
            label = f"{van.naam} → {naar.naam} ({VERWIJZINGSSOORT.label(r['soort'])})"
            velden = gewenst(self.bestand, r, VERWIJZING_VELDEN)
            v = bestaand.get((van.id, naar.id, r["soort"]))
            vr, nr = self._ref(van), self._ref(naar)
            if not self.mag(can_edit_verwijzing, VerwijzingRef(vr, nr,
                                                               vr.netwerk_ids & nr.netwerk_ids)):
                wijzigt = v is None or any(vergelijkbaar(getattr(v, a)) != vergelijkbaar(x)
                                           for a, x in velden.items())
                if wijzigt:
                    self.fout(r, "van", "deze verwijzing telt ook in een ander netwerk: enkel "
                                        f"{van.naam} zelf kan ze vastleggen of wijzigen.")
                    continue
            if v is None:
                v = Verwijzing(van_id=van.id, naar_id=naar.id, soort=r["soort"], **velden)
                db.session.add(v)
                bestaand[(van.id, naar.id, r["soort"])] = v
                w = Wijziging(NIEUW, label, r.rij)
            else:
                w = Wijziging(ONGEWIJZIGD, label, r.rij)
                for attr, value in velden.items():
                    zet(v, attr, value, w, "verwijzingen")
            self.rapport.blad("verwijzingen").wijzigingen.append(w)

    # -- engagementen -----------------------------------------------------------------------
    def engagementen(self) -> None:
        if not self.bestand.heeft("engagementen"):
            return
        per_voorwaarde = {e.voorwaarde: e for e in db.session.scalars(
            select(Engagement).where(Engagement.netwerk_id == self.netwerk.id)
            .options(selectinload(Engagement.acties)))}
        blad = self.rapport.blad("engagementen")
        for r in self.bestand.rijen("engagementen"):
            if not r["actie"] and r["gerealiseerd_op"]:
                self.fout(r, "actie", "beschrijf de actie: een realisatiedatum hoort bij een "
                                      "actie.")
                continue
            trekker = self.org_voor(r, "trekker") if r["trekker"] else None
            if r["trekker"] and trekker is None:
                continue
            e = per_voorwaarde.get(r["voorwaarde"])
            if not r["actie"]:  # the engagement alone; with an action, the action line says it
                blad.wijzigingen.append(Wijziging(ONGEWIJZIGD if e else NIEUW,
                                                  f"{r['voorwaarde']}: engagement", r.rij))
            if e is None:
                e = Engagement(netwerk_id=self.netwerk.id, voorwaarde=r["voorwaarde"], acties=[])
                db.session.add(e)
                per_voorwaarde[e.voorwaarde] = e
            if r["actie"]:
                self._actie(r, e, trekker)

    def _actie(self, r: Rij, e: Engagement, trekker: Organisatie | None) -> None:
        label = f"{e.voorwaarde}: {r['actie']}"
        velden = gewenst(self.bestand, r, ACTIE_VELDEN)
        a = next((a for a in e.acties if sleutel(a.beschrijving) == sleutel(r["actie"])), None)
        status = velden.get("status", a.status if a else "gepland")
        probleem = realisatie_probleem(status, velden.get("gerealiseerd_op"), date.today())
        if probleem:
            self.fout(r, "gerealiseerd_op", probleem)
            return
        if status != GEREALISEERD:  # another status has no realisation date (domein.md §4)
            velden["gerealiseerd_op"] = None
        if a is None:
            e.acties.append(Actie(netwerk_id=self.netwerk.id, beschrijving=r["actie"],
                                  trekker_id=trekker.id if trekker else None, **velden))
            w = Wijziging(NIEUW, label, r.rij)
        else:
            w = Wijziging(ONGEWIJZIGD, label, r.rij)
            zet(a, "beschrijving", r["actie"], w, "engagementen", "actie")
            if self.bestand.heeft("engagementen", "trekker"):
                nieuw_id = trekker.id if trekker else None
                if a.trekker_id != nieuw_id:
                    oud = self.namen.get(a.trekker_id, "—") if a.trekker_id else "—"
                    w.velden.append(("trekker", oud, trekker.naam if trekker else "—"))
                    a.trekker_id = nieuw_id
                    w.soort = GEWIJZIGD
            for attr, value in velden.items():
                zet(a, attr, value, w, "engagementen")
        self.rapport.blad("engagementen").wijzigingen.append(w)
