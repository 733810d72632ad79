package io.relayconsole.metrics.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Draws the evaluated panels on a grid, in Grafana's dark style: stat panels as a number, others as lines. */
final class PanelPainter {
    private static final int COLUMNS = 4;
    private static final int WIDTH = 400;
    private static final int HEIGHT = 230;
    private static final int GAP = 8;
    private static final Color BACKGROUND = new Color(0x11, 0x12, 0x17);
    private static final Color PANEL = new Color(0x18, 0x1b, 0x1f);
    private static final Color TEXT = new Color(0xcc, 0xcc, 0xdc);
    private static final Color GRID = new Color(0x2c, 0x30, 0x35);
    private static final Color[] LINES = {new Color(0x73, 0xbf, 0x69), new Color(0xf2, 0xcc, 0x0c),
        new Color(0x56, 0x94, 0xf2), new Color(0xff, 0x78, 0x29), new Color(0xf2, 0x49, 0x5c),
        new Color(0xb8, 0x77, 0xd9), new Color(0x8a, 0xb8, 0xff), new Color(0x96, 0xd9, 0x8d)};

    private PanelPainter() {
    }

    static BufferedImage paint(String heading, List<PanelQueries.Panel> panels) {
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(COLUMNS * (WIDTH + GAP) + GAP, 40 + rows * (HEIGHT + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(heading, GAP + 4, 26);
        for (int i = 0; i < panels.size(); i++) {
            int x = GAP + (i % COLUMNS) * (WIDTH + GAP);
            int y = 40 + (i / COLUMNS) * (HEIGHT + GAP);
            panel(g, panels.get(i), x, y);
        }
        g.dispose();
        return image;
    }

    private static void panel(Graphics2D g, PanelQueries.Panel p, int x, int y) {
        g.setColor(PANEL);
        g.fillRoundRect(x, y, WIDTH, HEIGHT, 6, 6);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(p.title(), x + 10, y + 18);
        if (p.series().isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("No data", x + WIDTH / 2 - 22, y + HEIGHT / 2);
        } else if ("stat".equals(p.type())) {
            stat(g, p, x, y);
        } else {
            chart(g, p, x, y);
        }
    }

    private static void stat(Graphics2D g, PanelQueries.Panel p, int x, int y) {
        int n = p.series().size();
        for (int i = 0; i < n; i++) {
            PanelQueries.Series s = p.series().get(i);
            double last = s.points().isEmpty() ? Double.NaN : s.points().get(s.points().size() - 1)[1];
            int cx = x + (i * 2 + 1) * WIDTH / (2 * n);
            g.setColor(LINES[i % LINES.length]);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, n > 2 ? 30 : 44));
            String value = format(last);
            g.drawString(value, cx - g.getFontMetrics().stringWidth(value) / 2, y + HEIGHT / 2 + 14);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            String legend = s.legend().length() > 24 ? s.legend().substring(0, 24) : s.legend();
            g.drawString(legend, cx - g.getFontMetrics().stringWidth(legend) / 2, y + HEIGHT / 2 + 40);
        }
    }

    private static void chart(Graphics2D g, PanelQueries.Panel p, int x, int y) {
        int left = x + 52;
        int right = x + WIDTH - 10;
        int top = y + 30;
        int legendRows = Math.min(p.series().size(), 4);
        int bottom = y + HEIGHT - 14 - legendRows * 12;
        double minT = Double.MAX_VALUE;
        double maxT = -Double.MAX_VALUE;
        double maxV = 0;
        for (PanelQueries.Series s : p.series()) {
            for (double[] pt : s.points()) {
                minT = Math.min(minT, pt[0]);
                maxT = Math.max(maxT, pt[0]);
                maxV = Math.max(maxV, pt[1]);
            }
        }
        maxV = maxV == 0 ? 1 : maxV * 1.1;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int k = 0; k <= 3; k++) {
            int gy = bottom - (bottom - top) * k / 3;
            g.setColor(GRID);
            g.drawLine(left, gy, right, gy);
            g.setColor(TEXT);
            String label = format(maxV * k / 3);
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), gy + 4);
        }
        double span = Math.max(1, maxT - minT);
        for (int i = 0; i < p.series().size(); i++) {
            PanelQueries.Series s = p.series().get(i);
            g.setColor(LINES[i % LINES.length]);
            g.setStroke(new BasicStroke(1.6f));
            int[] xs = new int[s.points().size()];
            int[] ys = new int[s.points().size()];
            for (int j = 0; j < xs.length; j++) {
                double[] pt = s.points().get(j);
                xs[j] = left + (int) ((pt[0] - minT) / span * (right - left));
                ys[j] = bottom - (int) (pt[1] / maxV * (bottom - top));
            }
            g.drawPolyline(xs, ys, xs.length);
            if (i < legendRows) {
                int ly = bottom + 14 + i * 12;
                g.fillRect(x + 10, ly - 7, 10, 3);
                g.setColor(TEXT);
                String legend = s.legend() + (i == legendRows - 1 && p.series().size() > legendRows
                        ? "  (+" + (p.series().size() - legendRows) + " more)" : "");
                g.drawString(legend.length() > 62 ? legend.substring(0, 62) + "…" : legend, x + 26, ly);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format("%.1fM", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format("%.1fk", v / 1e3);
        }
        if (a == Math.rint(a)) {
            return String.format("%.0f", v);
        }
        return a >= 1 ? String.format("%.2f", v) : String.format("%.3g", v);
    }
}
