using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Duban.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a .docx (WordprocessingML) in the GB/T 9704 layout: A4, top
/// margin 37 mm, left 28 mm, text block 156 × 225 mm, body in 3号仿宋 on a fixed 28.95 pt line (22 lines a
/// page), title in 2号小标宋, headings in 黑体 and 楷体, page numbers "— 1 —" in 4号宋体 on the outer side.
/// Written by hand rather than through an SDK: the format needs a dozen parts, and this way every byte is ours.
/// </summary>
public static class DocxWriter
{
    // Customary font names; a reader without them substitutes its own CJK fonts.
    private const string FangSong = "仿宋_GB2312";
    private const string XiaoBiaoSong = "方正小标宋简体";
    private const string HeiTi = "黑体";
    private const string KaiTi = "楷体_GB2312";
    private const string SongTi = "宋体";
    private const string Latin = "Times New Roman";

    private const int TwipsPerMm10 = 567; // twips per centimetre
    private const int BodyLine = 579; // 28.95 pt: 225 mm / 22 lines
    private const int TextWidthTwips = 8844; // 156 mm
    private const long EmuPerMm = 36000;

    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    public static void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var images = new List<DocImage>();
        var body = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocParagraph p:
                    foreach (var line in p.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
                    {
                        Paragraph(body, p.Kind, line);
                    }

                    break;
                case DocIssuerLine l:
                    IssuerLine(body, l);
                    break;
                case DocTable t:
                    Table(body, t);
                    break;
                case DocImage i:
                    images.Add(i);
                    Image(body, i, images.Count);
                    break;
                case DocRecord r:
                    Record(body, r);
                    break;
                case DocPageBreak:
                    body.Append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", ContentTypes(images.Count > 0));
        Part(zip, "_rels/.rels", RootRels);
        Part(zip, "docProps/core.xml", Core(document));
        Part(zip, "docProps/app.xml", App);
        Part(zip, "word/_rels/document.xml.rels", DocumentRels(images.Count));
        Part(zip, "word/document.xml", Document(body.ToString()));
        Part(zip, "word/styles.xml", Styles);
        Part(zip, "word/settings.xml", Settings);
        Part(zip, "word/footer1.xml", Footer("right", "ind w:right=\"280\""));
        Part(zip, "word/footer2.xml", Footer("left", "ind w:left=\"280\""));
        for (var i = 0; i < images.Count; i++)
        {
            var entry = zip.CreateEntry($"word/media/image{i + 1}.png", CompressionLevel.NoCompression);
            using var s = entry.Open();
            s.Write(images[i].Png);
        }
    }

    private static void Paragraph(StringBuilder w, ParagraphKind kind, string text)
    {
        var (font, halfPoints, props, color) = kind switch
        {
            ParagraphKind.Masthead => (XiaoBiaoSong, 84, "<w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"1000\" w:lineRule=\"exact\"/>", "FF0000"),
            ParagraphKind.IssueNumber => (FangSong, 32, "<w:jc w:val=\"center\"/><w:spacing w:line=\"" + BodyLine + "\" w:lineRule=\"exact\"/>", null),
            ParagraphKind.Title => (XiaoBiaoSong, 44, "<w:jc w:val=\"center\"/><w:spacing w:before=\"290\" w:after=\"" + BodyLine + "\" w:line=\"700\" w:lineRule=\"exact\"/>", null),
            ParagraphKind.Addressee => (FangSong, 32, "<w:spacing w:line=\"" + BodyLine + "\" w:lineRule=\"exact\"/>", null),
            ParagraphKind.Body => (FangSong, 32, Indented, null),
            ParagraphKind.Heading1 => (HeiTi, 32, "<w:keepNext/>" + Indented, null),
            ParagraphKind.Heading2 => (KaiTi, 32, "<w:keepNext/>" + Indented, null),
            ParagraphKind.Caption => (FangSong, 32, "<w:keepNext/><w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:line=\"" + BodyLine + "\" w:lineRule=\"exact\"/>", null),
            ParagraphKind.Signature => (FangSong, 32, "<w:jc w:val=\"right\"/><w:spacing w:line=\"" + BodyLine + "\" w:lineRule=\"exact\"/><w:ind w:right=\"1280\"/>", null),
            ParagraphKind.Note => (FangSong, 28, "<w:spacing w:line=\"480\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"560\"/>", null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        w.Append("<w:p><w:pPr>").Append(props).Append("</w:pPr>");
        Run(w, text, font, halfPoints, color: color);
        w.Append("</w:p>");
    }

    // Two characters of 3号 (16 pt) in from the left on the first line.
    private const string Indented = "<w:spacing w:line=\"579\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"640\" w:firstLineChars=\"200\"/><w:jc w:val=\"both\"/>";

    private static void Run(StringBuilder w, string text, string font, int halfPoints, bool bold = false, string? color = null)
    {
        if (text.Length == 0)
        {
            return;
        }

        w.Append("<w:r><w:rPr><w:rFonts w:ascii=\"").Append(Latin).Append("\" w:hAnsi=\"").Append(Latin).Append("\" w:eastAsia=\"").Append(font).Append("\" w:hint=\"eastAsia\"/>");
        if (bold)
        {
            w.Append("<w:b/>");
        }

        if (color is not null)
        {
            w.Append("<w:color w:val=\"").Append(color).Append("\"/>");
        }

        w.Append("<w:sz w:val=\"").Append(halfPoints.ToString(CultureInfo.InvariantCulture)).Append("\"/><w:szCs w:val=\"").Append(halfPoints.ToString(CultureInfo.InvariantCulture)).Append("\"/></w:rPr>");
        var first = true;
        foreach (var piece in text.Split('\t'))
        {
            if (!first)
            {
                w.Append("<w:tab/>");
            }

            first = false;
            if (piece.Length > 0)
            {
                w.Append("<w:t xml:space=\"preserve\">").Append(Escape(piece)).Append("</w:t>");
            }
        }

        w.Append("</w:r>");
    }

    private static void IssuerLine(StringBuilder w, DocIssuerLine line)
    {
        // The editing office and the date on one line, a right tab at the text block's edge; the red rule is
        // the paragraph's bottom border, as wide as the text block.
        w.Append("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"FF0000\"/></w:pBdr>")
            .Append("<w:tabs><w:tab w:val=\"right\" w:pos=\"").Append(TextWidthTwips - 100).Append("\"/></w:tabs>")
            .Append("<w:spacing w:before=\"240\" w:after=\"" + BodyLine + "\" w:line=\"" + BodyLine + "\" w:lineRule=\"exact\"/><w:ind w:left=\"100\" w:right=\"100\"/></w:pPr>");
        Run(w, line.Left + "\t" + line.Right, FangSong, 32);
        w.Append("</w:p>");
    }

    private static void Table(StringBuilder w, DocTable table)
    {
        var widths = table.Columns.Select(c => (int)Math.Round(c.WidthMm * TwipsPerMm10 / 10.0)).ToList();
        w.Append("<w:tbl><w:tblPr><w:tblW w:w=\"").Append(widths.Sum()).Append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>");
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            w.Append("<w:").Append(side).Append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }

        w.Append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
        foreach (var width in widths)
        {
            w.Append("<w:gridCol w:w=\"").Append(width).Append("\"/>");
        }

        w.Append("</w:tblGrid>");
        if (table.Columns.Any(c => c.Header.Length > 0))
        {
            Row(w, table.Columns.Select(c => c.Header).ToList(), widths, table.Columns, header: true);
        }

        foreach (var row in table.Rows)
        {
            Row(w, row, widths, table.Columns, header: false);
        }

        // A table must be followed by a paragraph; this one also keeps the next heading off the table.
        w.Append("</w:tbl><w:p><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:p>");
    }

    private static void Row(StringBuilder w, IReadOnlyList<string> cells, List<int> widths, IReadOnlyList<DocColumn> columns, bool header)
    {
        w.Append("<w:tr><w:trPr><w:cantSplit/>").Append(header ? "<w:tblHeader/>" : string.Empty).Append("</w:trPr>");
        for (var i = 0; i < widths.Count; i++)
        {
            var text = i < cells.Count ? cells[i] ?? string.Empty : string.Empty;
            w.Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(widths[i]).Append("\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>");
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            w.Append("<w:p><w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"320\" w:lineRule=\"exact\"/>")
                .Append(header || columns[i].Centered ? "<w:jc w:val=\"center\"/>" : "<w:jc w:val=\"left\"/>").Append("</w:pPr>");
            for (var j = 0; j < lines.Length; j++)
            {
                if (j > 0)
                {
                    w.Append("<w:r><w:br/></w:r>");
                }

                Run(w, lines[j], header ? HeiTi : FangSong, 24);
            }

            w.Append("</w:p></w:tc>");
        }

        w.Append("</w:tr>");
    }

    private static void Image(StringBuilder w, DocImage image, int number)
    {
        var cx = (long)(image.WidthMm * EmuPerMm);
        var cy = image.PixelWidth == 0 ? cx / 2 : cx * image.PixelHeight / image.PixelWidth;
        var id = number.ToString(CultureInfo.InvariantCulture);
        w.Append("<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:after=\"120\"/></w:pPr><w:r><w:drawing>")
            .Append("<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\"/>")
            .Append("<wp:docPr id=\"").Append(id).Append("\" name=\"Chart ").Append(id).Append("\" descr=\"").Append(Escape(image.Description)).Append("\"/>")
            .Append("<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>")
            .Append("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>")
            .Append("<pic:nvPicPr><pic:cNvPr id=\"").Append(id).Append("\" name=\"image").Append(id).Append(".png\"/><pic:cNvPicPr/></pic:nvPicPr>")
            .Append("<pic:blipFill><a:blip r:embed=\"rIdImage").Append(id).Append("\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>")
            .Append("<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>")
            .Append("</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
    }

    private static void Record(StringBuilder w, DocRecord record)
    {
        // 版记: the first and last rules thicker (0.35 mm) than those between lines (0.25 mm), 4号仿宋, one
        // character in on each side; it sits at the end of the document.
        for (var i = 0; i < record.Lines.Count; i++)
        {
            var (left, right) = record.Lines[i];
            var top = i == 0 ? "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"000000\"/>" : string.Empty;
            var bottom = i == record.Lines.Count - 1 ? "8" : "4";
            w.Append("<w:p><w:pPr><w:keepNext/><w:pBdr>").Append(top).Append("<w:bottom w:val=\"single\" w:sz=\"").Append(bottom).Append("\" w:space=\"4\" w:color=\"000000\"/></w:pBdr>")
                .Append("<w:tabs><w:tab w:val=\"right\" w:pos=\"").Append(TextWidthTwips - 280).Append("\"/></w:tabs>")
                .Append(i == 0 ? "<w:spacing w:before=\"" + (BodyLine * 2) + "\" w:line=\"480\" w:lineRule=\"exact\"/>" : "<w:spacing w:line=\"480\" w:lineRule=\"exact\"/>")
                .Append("<w:ind w:left=\"280\" w:right=\"280\"/></w:pPr>");
            Run(w, right is null ? left : left + "\t" + right, FangSong, 28);
            w.Append("</w:p>");
        }
    }

    /// <summary>Text as XML character data, without the control characters XML cannot hold.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': s.Append("&lt;"); break;
                case '>': s.Append("&gt;"); break;
                case '&': s.Append("&amp;"); break;
                case '"': s.Append("&quot;"); break;
                case < ' ' when c is not '\t' and not '\n' and not '\r': break;
                case '\uFFFE' or '\uFFFF': break;
                default: s.Append(c); break;
            }
        }

        return s.ToString();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var s = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        s.Write(bytes);
    }

    private const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private const string WordNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    private static string ContentTypes(bool png) => Xml +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        (png ? "<Default Extension=\"png\" ContentType=\"image/png\"/>" : string.Empty) +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>" +
        "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>" +
        "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>" +
        "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>" +
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>" +
        "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>" +
        "</Types>";

    private const string RootRels = Xml +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>" +
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>" +
        "</Relationships>";

    private const string App = Xml +
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Duban</Application></Properties>";

    private static string Core(OfficialDocument d) => Xml +
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
        "<dc:title>" + Escape(d.Title) + "</dc:title><dc:creator>" + Escape(d.Author) + "</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>";

    private static string DocumentRels(int images)
    {
        var s = new StringBuilder(Xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        s.Append("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        s.Append("<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>");
        s.Append("<Relationship Id=\"rIdFooterOdd\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");
        s.Append("<Relationship Id=\"rIdFooterEven\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>");
        for (var i = 1; i <= images; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rIdImage{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image{i}.png\"/>");
        }

        return s.Append("</Relationships>").ToString();
    }

    private static string Document(string body) => Xml +
        "<w:document " + WordNs + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" +
        body +
        // A4; top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; footers for odd and even pages.
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>" +
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/>" +
        "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr></w:body></w:document>";

    private static string Footer(string align, string indent) => Xml +
        "<w:ftr " + WordNs + "><w:p><w:pPr><w:jc w:val=\"" + align + "\"/><w:" + indent + "/></w:pPr>" +
        "<w:r><w:rPr><w:rFonts w:ascii=\"" + SongTi + "\" w:hAnsi=\"" + SongTi + "\" w:eastAsia=\"" + SongTi + "\"/><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">— </w:t></w:r>" +
        "<w:r><w:rPr><w:rFonts w:ascii=\"" + SongTi + "\" w:hAnsi=\"" + SongTi + "\" w:eastAsia=\"" + SongTi + "\"/><w:sz w:val=\"28\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
        "<w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" +
        "<w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
        "<w:r><w:rPr><w:rFonts w:ascii=\"" + SongTi + "\" w:hAnsi=\"" + SongTi + "\"/><w:sz w:val=\"28\"/></w:rPr><w:t>1</w:t></w:r>" +
        "<w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r>" +
        "<w:r><w:rPr><w:rFonts w:ascii=\"" + SongTi + "\" w:hAnsi=\"" + SongTi + "\" w:eastAsia=\"" + SongTi + "\"/><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\"> —</w:t></w:r>" +
        "</w:p></w:ftr>";

    private const string Settings = Xml +
        "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/>" +
        "<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

    private static readonly string Styles = Xml +
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr>" +
        "<w:rFonts w:ascii=\"" + Latin + "\" w:hAnsi=\"" + Latin + "\" w:eastAsia=\"" + FangSong + "\" w:cs=\"" + Latin + "\"/>" +
        "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>" +
        "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>" +
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>" +
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>" +
        "</w:styles>";
}
