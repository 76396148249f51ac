// Writes the licences of every bundled package next to the bundle (make js).
const fs = require("fs");
const path = require("path");
const uit = [];
for (const naam of fs.readdirSync("node_modules").sort()) {
  const map = path.join("node_modules", naam);
  const pakket = path.join(map, "package.json");
  if (naam.startsWith(".") || naam.startsWith("@") || naam === "esbuild" || !fs.existsSync(pakket)) continue;
  const meta = JSON.parse(fs.readFileSync(pakket, "utf8"));
  const bestand = fs.readdirSync(map).find((f) => /^licen[cs]e/i.test(f));
  uit.push(`${meta.name} ${meta.version} (${meta.license})\n\n` +
           (bestand ? fs.readFileSync(path.join(map, bestand), "utf8").trim() : "") + "\n");
}
fs.writeFileSync("../huisvanhetkind/static/vendor/graaf-bibliotheek.LICENSES.txt",
                 "Bundled in graaf-bibliotheek.js:\n\n" + uit.join("\n" + "-".repeat(72) + "\n\n"));
