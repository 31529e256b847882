package dev.soma.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A raster of more spikes than {@link Spikes#PER_PIXEL_SPIKES} is drawn per pixel: one tick per
 * occupied pixel, the same picture as a tick for every spike, at every size it is painted at.
 * Smaller rasters keep one anti-aliased XChart marker per spike. (Its speed is measured by
 * {@code RasterTiming}, not here.)
 */
class PixelRasterTest {

    /** {@code count} spikes of {@code neurons} neurons over 1000 ms; every tenth neuron fires in bursts. */
    private static Object[] spikes(int count, int neurons, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] t = new double[count];
        int[] id = new int[count];
        for (int i = 0; i < count; i++) {
            id[i] = random.nextInt(neurons);
            t[i] = id[i] % 10 == 0 ? 100 * random.nextInt(10) + random.nextDouble() : 1000 * random.nextDouble();
        }
        return new Object[] {t, id};
    }

    private static List<Spikes.PixelTicks> pixelTicks(Figure f) {
        List<Spikes.PixelTicks> out = new ArrayList<>();
        for (XYSeries s : ((XYChart) f.charts().get(0)).getSeriesCollection()) {
            if (s.getMarker() instanceof Spikes.PixelTicks) {
                out.add((Spikes.PixelTicks) s.getMarker());
            }
        }
        return out;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aLargeRasterDrawsEachOccupiedPixelOnceAndLooksTheSameAsEverySpikeDrawn() {
        Object[] s = spikes(300_000, 1200, 7);
        double[] t = (double[]) s[0];
        int[] id = (int[]) s[1];
        for (int firstInhibitory : new int[] {Integer.MAX_VALUE, 960}) {
            Figure decimated = Spikes.raster(t, id, 1200, 1000, firstInhibitory, 5);
            List<Spikes.PixelTicks> ticks = pixelTicks(decimated);
            assertEquals(firstInhibitory == 960 ? 2 : 1, ticks.size(), "one per-pixel layer per population");
            int drawn = ticks.stream().mapToInt(p -> p.drawn).sum();
            assertTrue(drawn > 10_000 && drawn < 200_000, "ticks drawn: " + drawn);
            for (int[] size : new int[][] {{decimated.getWidth(), decimated.getHeight()}, {1400, 1000}, {420, 330}}) {
                ticks.forEach(p -> p.everySpike = false);
                Figure once = decimated.withSize(size[0], size[1]);
                ticks.forEach(p -> p.everySpike = true);
                Figure every = decimated.withSize(size[0], size[1]);
                int all = ticks.stream().mapToInt(p -> p.drawn).sum();
                assertEquals(t.length, all, "drawing every spike draws every spike, all inside the plot");
                assertArrayEquals(pixels(every), pixels(once),
                        "skipping ticks already drawn changes no pixel at " + size[0] + " × " + size[1]);
            }
            ticks.forEach(p -> p.everySpike = false);
        }
    }

    @Test
    void aLargeRasterInksThePixelOfEverySpike() {
        // Every tick is drawn in the plot's black on white: each spike's own pixel must be black in the figure.
        Object[] s = spikes(120_000, 300, 11);
        double[] t = (double[]) s[0];
        int[] id = (int[]) s[1];
        Figure f = Spikes.raster(t, id, 300, 1000, Integer.MAX_VALUE, 5);
        Spikes.PixelTicks ticks = pixelTicks(f).get(0);
        int black = Style.BLACK.getRGB();
        int inked = 0;
        for (int i = 0; i < t.length; i++) {
            int[] px = ticks.pixelOf(t[i], id[i]);
            if (f.getRGB(px[0], px[1]) == black) {
                inked++;
            }
        }
        assertEquals(t.length, inked, "spikes whose pixel is inked");
    }

    @Test
    void smallRastersKeepOneAntiAliasedTickPerSpike() {
        Object[] s = spikes(Spikes.PER_PIXEL_SPIKES, 400, 3);
        Figure f = Spikes.raster((double[]) s[0], (int[]) s[1], 400, 1000, 320, 5);
        assertTrue(pixelTicks(f).isEmpty());
        int points = 0;
        for (XYSeries series : ((XYChart) f.charts().get(0)).getSeriesCollection()) {
            if (series.getMarker() instanceof Spikes.Tick) {
                points += series.getXData().length;
            }
        }
        assertEquals(Spikes.PER_PIXEL_SPIKES, points);
    }
}
