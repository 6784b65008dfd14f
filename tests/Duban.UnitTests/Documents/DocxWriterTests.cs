using System.IO.Compression;
using System.Xml.Linq;
using Duban.Documents;

namespace Duban.UnitTests.Documents;

public class DocxWriterTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static OfficialDocument Sample(params DocBlock[] extra) => new("关于测试的通报", "青山县督查室",
    [
        new DocParagraph(ParagraphKind.Masthead, "督查通报"),
        new DocParagraph(ParagraphKind.IssueNumber, "〔2026〕第5期"),
        new DocIssuerLine("青山县督查室", "2026年11月27日"),
        new DocParagraph(ParagraphKind.Title, "关于测试的通报"),
        new DocParagraph(ParagraphKind.Heading1, "一、总体情况"),
        new DocParagraph(ParagraphKind.Body, "第一段\n第二段"),
        new DocTable([new("序号", 10, true), new("事项", 146)], [["1", "修路 & <桥>"], ["2", "多行\n内容"]]),
        .. extra,
        new DocRecord([("抄送：县领导。", null), ("青山县督查室", "2026年11月27日印发")]),
    ]);

    private static (ZipArchive Zip, XDocument Document) Open(byte[] docx)
    {
        var zip = new ZipArchive(new MemoryStream(docx));
        return (zip, XDocument.Load(zip.GetEntry("word/document.xml")!.Open()));
    }

    [Fact]
    public void The_package_has_every_part_Word_needs_and_the_page_is_A4_with_the_official_margins()
    {
        var (zip, doc) = Open(DocxWriter.Write(Sample()));
        using (zip)
        {
            foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml" })
            {
                Assert.NotNull(zip.GetEntry(part));
                if (part.EndsWith(".xml", StringComparison.Ordinal) || part.EndsWith(".rels", StringComparison.Ordinal))
                {
                    Assert.NotNull(XDocument.Load(zip.GetEntry(part)!.Open()).Root);
                }
            }

            var section = doc.Descendants(W + "sectPr").Single();
            Assert.Equal("11906", section.Element(W + "pgSz")!.Attribute(W + "w")!.Value);
            Assert.Equal("16838", section.Element(W + "pgSz")!.Attribute(W + "h")!.Value);
            var margins = section.Element(W + "pgMar")!;
            Assert.Equal("2098", margins.Attribute(W + "top")!.Value); // 37 mm
            Assert.Equal("1588", margins.Attribute(W + "left")!.Value); // 28 mm
            Assert.Equal(8844, 11906 - 1588 - int.Parse(margins.Attribute(W + "right")!.Value, System.Globalization.CultureInfo.InvariantCulture)); // 156 mm of text
            Assert.Contains("PAGE", XDocument.Load(zip.GetEntry("word/footer1.xml")!.Open()).ToString(), StringComparison.Ordinal);
            Assert.NotNull(XDocument.Load(zip.GetEntry("word/settings.xml")!.Open()).Descendants(W + "evenAndOddHeaders").SingleOrDefault());
        }
    }

    [Fact]
    public void Text_keeps_its_characters_escaped_and_each_line_is_a_paragraph_or_a_break()
    {
        var (zip, doc) = Open(DocxWriter.Write(Sample()));
        using (zip)
        {
            var texts = doc.Descendants(W + "t").Select(t => t.Value).ToList();
            Assert.Contains("修路 & <桥>", texts);
            Assert.Contains("第一段", texts);
            Assert.Contains("第二段", texts);
            Assert.Contains("督查通报", texts);

            // The masthead in red; the body in 3号 (16 pt = 32 half-points) 仿宋 on a fixed line.
            var masthead = doc.Descendants(W + "r").First(r => r.Value == "督查通报");
            Assert.Equal("FF0000", masthead.Descendants(W + "color").Single().Attribute(W + "val")!.Value);
            var body = doc.Descendants(W + "p").First(p => p.Value == "第一段");
            Assert.Equal("32", body.Descendants(W + "sz").First().Attribute(W + "val")!.Value);
            Assert.Equal("仿宋_GB2312", body.Descendants(W + "rFonts").First().Attribute(W + "eastAsia")!.Value);
            Assert.Equal("exact", body.Descendants(W + "spacing").First().Attribute(W + "lineRule")!.Value);

            // A heading stays on the page of what follows it.
            Assert.NotNull(doc.Descendants(W + "p").First(p => p.Value == "一、总体情况").Descendants(W + "keepNext").SingleOrDefault());

            // The table's header repeats on each page; a line break inside a cell stays in its cell.
            var table = doc.Descendants(W + "tbl").Single();
            Assert.NotNull(table.Elements(W + "tr").First().Descendants(W + "tblHeader").SingleOrDefault());
            Assert.Equal(3, table.Elements(W + "tr").Count());
            Assert.Single(table.Elements(W + "tr").Last().Descendants(W + "br"));
        }
    }

    [Fact]
    public void Control_characters_that_XML_cannot_hold_are_dropped()
    {
        Assert.Equal("ab&lt;c", DocxWriter.Escape("a\u0001b\u000B<c"));
        var (zip, doc) = Open(DocxWriter.Write(new OfficialDocument("x", "y", [new DocParagraph(ParagraphKind.Body, "坏\u0002字符\uFFFF")])));
        using (zip)
        {
            Assert.Equal("坏字符", doc.Descendants(W + "t").Single().Value);
        }
    }

    [Fact]
    public void A_form_without_headers_has_no_header_row()
    {
        var (zip, doc) = Open(DocxWriter.Write(new OfficialDocument("x", "y", [new DocTable([new(string.Empty, 36), new(string.Empty, 120)], [["督办事项", "修路"]])])));
        using (zip)
        {
            Assert.Single(doc.Descendants(W + "tr"));
            Assert.Empty(doc.Descendants(W + "tblHeader"));
        }
    }

    [Fact]
    public void A_chart_is_embedded_as_a_PNG_picture_sized_to_its_proportions()
    {
        var chart = Charts.StackedBars("各单位事项亮灯情况", ["县发改局", "城关镇"], [new("红灯", Charts.Red, [2, 0]), new("黄灯", Charts.Yellow, [1, 3])]);
        var (zip, doc) = Open(DocxWriter.Write(Sample(new DocImage(chart.Png, chart.Width, chart.Height, 150, "亮灯图"))));
        using (zip)
        {
            var media = zip.GetEntry("word/media/image1.png");
            Assert.NotNull(media);
            Assert.Equal(chart.Png.Length, media.Length);
            var rels = XDocument.Load(zip.GetEntry("word/_rels/document.xml.rels")!.Open()).ToString();
            Assert.Contains("media/image1.png", rels, StringComparison.Ordinal);
            Assert.Contains("Extension=\"png\"", XDocument.Load(zip.GetEntry("[Content_Types].xml")!.Open()).ToString(), StringComparison.Ordinal);
            XNamespace wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
            var extent = doc.Descendants(wp + "extent").Single();
            var cx = long.Parse(extent.Attribute("cx")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            var cy = long.Parse(extent.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(150 * 36000, cx);
            Assert.Equal(cx * chart.Height / chart.Width, cy);
        }
    }
}
