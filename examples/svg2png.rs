//! Rasterises teamcost's SVG charts to PNG with the embedded DejaVu Sans, to
//! look at them: `cargo run --example svg2png -- chart.svg [more.svg ...]`
//! writes chart.png beside each. No system font is read.

use std::path::Path;

fn main() {
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        let path = Path::new(&arg);
        match render(path) {
            Ok(out) => println!("{}", out.display()),
            Err(e) => {
                eprintln!("{arg}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}

fn render(path: &Path) -> Result<std::path::PathBuf, String> {
    let svg = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let tree = resvg::usvg::Tree::from_data(&svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty image")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let out = path.with_extension("png");
    pixmap.save_png(&out).map_err(|e| e.to_string())?;
    Ok(out)
}
