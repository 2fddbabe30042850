/**
 * Gauss-Legendre quadrature: the nodes and weights on [-1, 1] are the roots of the Legendre
 * polynomial P_n, found by Newton's method from the Tricomi starting values (the textbook
 * method, e.g. Press et al., "Numerical Recipes", §4.6). Exact for polynomials of degree 2n-1.
 */

export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

export function gaussLegendre(order: number): QuadratureRule {
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  const half = Math.ceil(order / 2);
  for (let i = 0; i < half; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (order + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // Recurrence (j+1) P_{j+1} = (2j+1) x P_j - j P_{j-1}.
      let previous = 1;
      let current = x;
      for (let j = 1; j < order; j++) {
        const next = ((2 * j + 1) * x * current - j * previous) / (j + 1);
        previous = current;
        current = next;
      }
      derivative = (order * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    // Refresh the derivative at the converged root before using it for the weight.
    let previous = 1;
    let current = x;
    for (let j = 1; j < order; j++) {
      const next = ((2 * j + 1) * x * current - j * previous) / (j + 1);
      previous = current;
      current = next;
    }
    derivative = (order * (x * current - previous)) / (x * x - 1);
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[order - 1 - i] = x;
    weights[i] = weight;
    weights[order - 1 - i] = weight;
  }
  return { nodes, weights };
}

/**
 * Composite rule: [low, high] cut into `panels` equal panels, each integrated with `rule`.
 * Returns flattened nodes and weights so hot loops run over two typed arrays.
 */
export function compositeRule(
  rule: QuadratureRule,
  low: number,
  high: number,
  panels: number,
): QuadratureRule {
  const order = rule.nodes.length;
  const nodes = new Float64Array(order * panels);
  const weights = new Float64Array(order * panels);
  const width = (high - low) / panels;
  for (let panel = 0; panel < panels; panel++) {
    const centre = low + (panel + 0.5) * width;
    for (let i = 0; i < order; i++) {
      nodes[panel * order + i] = centre + (width / 2) * (rule.nodes[i] ?? 0);
      weights[panel * order + i] = (width / 2) * (rule.weights[i] ?? 0);
    }
  }
  return { nodes, weights };
}
