package dev.greenlight.verifier;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;

/**
 * Greyscale luminance of a {@link BufferedImage} for zxing, whose core library has no such source
 * (its {@code javase} module does, with more dependencies). Transparent pixels count as white:
 * a QR on a transparent PNG is dark modules on nothing.
 */
final class ImageLuminanceSource extends LuminanceSource {

    private final byte[] luminance;

    private ImageLuminanceSource(byte[] luminance, int width, int height) {
        super(width, height);
        this.luminance = luminance;
    }

    static ImageLuminanceSource of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] luminance = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            // Row by row: a whole-image int[] would quadruple the memory of a large photo.
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int red = (argb >> 16) & 0xFF;
                int green = (argb >> 8) & 0xFF;
                int blue = argb & 0xFF;
                // ITU-R BT.601 weights in fixed point, as zxing's own sources use.
                int grey = (306 * red + 601 * green + 117 * blue + 0x200) >> 10;
                if (alpha < 0xFF) {
                    grey = (grey * alpha + 0xFF * (0xFF - alpha)) / 0xFF;
                }
                luminance[offset + x] = (byte) grey;
            }
        }
        return new ImageLuminanceSource(luminance, width, height);
    }

    /** The same picture at half the size in each direction, averaging 2x2 blocks: for photos far larger than the QR needs. */
    ImageLuminanceSource halved() {
        int width = getWidth() / 2;
        int height = getHeight() / 2;
        byte[] half = new byte[width * height];
        int sourceWidth = getWidth();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 2 * y * sourceWidth + 2 * x;
                int sum = (luminance[i] & 0xFF) + (luminance[i + 1] & 0xFF)
                        + (luminance[i + sourceWidth] & 0xFF) + (luminance[i + sourceWidth + 1] & 0xFF);
                half[y * width + x] = (byte) (sum >> 2);
            }
        }
        return new ImageLuminanceSource(half, width, height);
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        if (y < 0 || y >= getHeight()) {
            throw new IllegalArgumentException("Requested row is outside the image: " + y);
        }
        int width = getWidth();
        if (row == null || row.length < width) {
            row = new byte[width];
        }
        System.arraycopy(luminance, y * width, row, 0, width);
        return row;
    }

    @Override
    public byte[] getMatrix() {
        return luminance;
    }

    @Override
    public boolean isRotateSupported() {
        return true;
    }

    @Override
    public LuminanceSource rotateCounterClockwise() {
        int width = getWidth();
        int height = getHeight();
        byte[] rotated = new byte[width * height];
        // New image is height wide and width high; source pixel (x, y) lands at (y, width - 1 - x).
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rotated[(width - 1 - x) * height + y] = luminance[y * width + x];
            }
        }
        return new ImageLuminanceSource(rotated, height, width);
    }
}
