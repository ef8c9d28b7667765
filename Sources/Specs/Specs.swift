// Figure specs (YAML) and the recipes that turn them into figures.
import Plotting
import Simulation
import Yams
