// The libraries of the network picture, bundled into one offline file (make js):
// huisvanhetkind/static/vendor/graaf-bibliotheek.js exposes window.HvkGraafBibliotheek.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";

window.HvkGraafBibliotheek = { Graph, Sigma, EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram };
