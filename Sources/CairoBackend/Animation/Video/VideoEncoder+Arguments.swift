extension VideoEncoder {
    /// Threads for x264 and libvpx: enough for a small machine, and the same on every machine.
    private static let encoderThreads = 4

    /// The command line of pass 1 (the only pass for MP4 and WebM) or pass 2 (GIF).
    func arguments(pass: Int) -> [String] {
        var arguments = [
            "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(encodedWidth)x\(encodedHeight)", "-r", "\(fps)",
            "-i", "-",
        ]
        let reproducible = ["-an", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"]
        // x264 and libvpx give different bytes for different thread counts, so the count is fixed rather
        // than taken from the machine: the same frames then give the same video on every machine.
        let threads = ["-threads", "\(Self.encoderThreads)"]
        // Convert to 4:2:0 with the BT.709 matrix and say so, so that players do not guess (and shift colours).
        let bt709 = [
            "-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
        ]
        // Files are named with the `file:` protocol, so that a colon in a path is not read as a protocol
        // and a leading dash not as an option.
        let output = "file:" + temporaryPath
        switch (format, pass) {
        case (.mp4, _):
            arguments += bt709 + ["-c:v", "libx264", "-preset", "medium", "-crf", "18", "-movflags", "+faststart"]
                + threads + reproducible + ["-f", "mp4", output]
        case (.webm, _):
            arguments += bt709 + ["-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-row-mt", "1",
                                  "-deadline", "good", "-cpu-used", "4"]
                + threads + reproducible + ["-f", "webm", output]
        case (.gif, 1):
            // `stats_mode=diff` counts the colours of what changes from frame to frame, so the moving paths
            // get their own colours instead of being lost to the static background's many shades.
            // `-update 1`: one image under exactly this name (a `%` in it is not a frame-number pattern).
            arguments += ["-vf", "palettegen=stats_mode=diff", "-c:v", "png", "-update", "1"]
                + reproducible + ["-f", "image2", "file:" + palettePath!]
        case (.gif, _):
            // Error-diffusion dithering (Sierra 2-4A) keeps colour gradients smooth without bayer's
            // crosshatch; `diff_mode=rectangle` re-dithers only the rectangle that changed, so the static
            // background does not shimmer and each GIF frame stores just that rectangle.
            // `png_pipe` reads the palette under exactly this name (image2 would look for `%` patterns).
            arguments += ["-f", "png_pipe", "-i", "file:" + palettePath!,
                          "-lavfi", "[0:v][1:v]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
                          "-c:v", "gif", "-loop", "0"]
                + reproducible + ["-f", "gif", output]
        }
        return arguments
    }
}
