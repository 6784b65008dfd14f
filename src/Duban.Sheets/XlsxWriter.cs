using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Duban.Sheets;

/// <summary>The cell styles an exported ledger uses; their numbers are the workbook's cellXfs indexes.</summary>
public enum CellStyle
{
    Default = 0,
    Title = 1,
    Note = 2,
    Header = 3,
    Text = 4,
    Number = 5,
    Date = 6,
    Section = 7,
    Total = 8,
    LightRed = 9,
    LightYellow = 10,
    LightGreen = 11,
    LightGrey = 12,
    Percent = 13,
    Centered = 14,
}

/// <summary>A value to write. Text that begins with = + - @ (or a tab or return) is escaped with a leading apostrophe.</summary>
public readonly record struct CellValue(string? Text, decimal? Number, DateOnly? Date, string? Formula, CellStyle Style)
{
    public static CellValue Of(string? text, CellStyle style = CellStyle.Text) => new(text, null, null, null, style);

    public static CellValue Of(decimal? number, CellStyle style = CellStyle.Number) => new(null, number, null, null, style);

    public static CellValue Of(DateOnly? date, CellStyle style = CellStyle.Date) => new(null, null, date, null, style);

    public static CellValue Blank(CellStyle style = CellStyle.Text) => new(null, null, null, null, style);

    /// <summary>A formula (without "="), with the value it computes now so readers that do not recalculate show it.</summary>
    public static CellValue Calc(string formula, decimal? cached, CellStyle style = CellStyle.Number) => new(null, cached, null, formula, style);

    /// <summary>Prefixes text a spreadsheet would take for a formula, so that no exported cell can run one.</summary>
    public static string Escape(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}

/// <summary>How a sheet is laid out before its rows are written (columns, frozen rows, printing).</summary>
public sealed record SheetLayout
{
    public required string Name { get; init; }
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];
    public int FrozenRows { get; init; }

    /// <summary>Rows repeated at the top of every printed page (1-based, inclusive).</summary>
    public (int First, int Last)? PrintTitleRows { get; init; }

    public bool A3Landscape { get; init; } = true;
}

/// <summary>
/// Writes an .xlsx workbook straight to a stream, row by row, so that a 100,000-row ledger never sits in memory.
/// Works on streams that cannot seek (an HTTP response). Call <see cref="StartSheet"/>, <see cref="WriteRow"/>,
/// then dispose.
/// </summary>
public sealed class XlsxWriter : IDisposable, IAsyncDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly ZipArchive zip;
    private readonly List<(string Name, SheetLayout Layout)> sheets = [];
    private readonly List<MergedRange> merges = [];
    private XmlWriter? sheetXml;
    private Stream? sheetStream;
    private SheetLayout? layout;
    private int row;
    private int maxColumn;

    public XlsxWriter(Stream output)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    /// <summary>The row the next <see cref="WriteRow"/> writes (1-based).</summary>
    public int NextRow => row + 1;

    public void StartSheet(SheetLayout sheetLayout)
    {
        ArgumentNullException.ThrowIfNull(sheetLayout);
        EndSheet();
        layout = sheetLayout;
        sheets.Add((sheetLayout.Name, sheetLayout));
        row = 0;
        maxColumn = 0;
        merges.Clear();
        sheetStream = zip.CreateEntry($"xl/worksheets/sheet{sheets.Count}.xml", CompressionLevel.Fastest).Open();
        sheetXml = XmlWriter.Create(sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        var x = sheetXml;
        x.WriteStartDocument(true);
        x.WriteStartElement("worksheet", Main);
        x.WriteAttributeString("xmlns", "r", null, "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        x.WriteStartElement("sheetPr", Main);
        x.WriteStartElement("pageSetUpPr", Main);
        x.WriteAttributeString("fitToPage", "1");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("sheetViews", Main);
        x.WriteStartElement("sheetView", Main);
        x.WriteAttributeString("workbookViewId", "0");
        if (sheets.Count == 1)
        {
            x.WriteAttributeString("tabSelected", "1");
        }

        if (sheetLayout.FrozenRows > 0)
        {
            x.WriteStartElement("pane", Main);
            x.WriteAttributeString("ySplit", Num(sheetLayout.FrozenRows));
            x.WriteAttributeString("topLeftCell", CellReference.Of(sheetLayout.FrozenRows + 1, 1));
            x.WriteAttributeString("activePane", "bottomLeft");
            x.WriteAttributeString("state", "frozen");
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("sheetFormatPr", Main);
        x.WriteAttributeString("defaultRowHeight", "15");
        x.WriteEndElement();
        if (sheetLayout.ColumnWidths.Count > 0)
        {
            x.WriteStartElement("cols", Main);
            for (var i = 0; i < sheetLayout.ColumnWidths.Count; i++)
            {
                x.WriteStartElement("col", Main);
                x.WriteAttributeString("min", Num(i + 1));
                x.WriteAttributeString("max", Num(i + 1));
                x.WriteAttributeString("width", sheetLayout.ColumnWidths[i].ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("customWidth", "1");
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteStartElement("sheetData", Main);
    }

    /// <summary>Writes the next row; a null value leaves its cell empty. Returns the row's number.</summary>
    public int WriteRow(IReadOnlyList<CellValue?> values, double? height = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var x = sheetXml ?? throw new InvalidOperationException("StartSheet first.");
        row++;
        x.WriteStartElement("row", Main);
        x.WriteAttributeString("r", Num(row));
        if (height is { } h)
        {
            x.WriteAttributeString("ht", h.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("customHeight", "1");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }

            maxColumn = Math.Max(maxColumn, i + 1);
            x.WriteStartElement("c", Main);
            x.WriteAttributeString("r", CellReference.Of(row, i + 1));
            if (v.Style != CellStyle.Default)
            {
                x.WriteAttributeString("s", Num((int)v.Style));
            }

            if (v.Formula is not null)
            {
                x.WriteElementString("f", Main, v.Formula);
                if (v.Number is { } cached)
                {
                    x.WriteElementString("v", Main, cached.ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (v.Number is { } number)
            {
                x.WriteElementString("v", Main, number.ToString(CultureInfo.InvariantCulture));
            }
            else if (v.Date is { } date)
            {
                x.WriteElementString("v", Main, (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
            }
            else if (!string.IsNullOrEmpty(v.Text))
            {
                x.WriteAttributeString("t", "inlineStr");
                x.WriteStartElement("is", Main);
                x.WriteStartElement("t", Main);
                x.WriteAttributeString("xml", "space", null, "preserve");
                x.WriteString(XmlSafe(CellValue.Escape(v.Text)));
                x.WriteEndElement();
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
        return row;
    }

    /// <summary>Merges a range of rows already or still to be written (1-based, inclusive).</summary>
    public void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) =>
        merges.Add(new MergedRange(firstRow, firstColumn, lastRow, lastColumn));

    private void EndSheet()
    {
        if (sheetXml is not { } x || layout is null)
        {
            return;
        }

        if (x.WriteState == WriteState.Error)
        {
            // Writing failed part-way (the caller sees that exception); do not hide it behind another.
            sheetXml = null;
            return;
        }

        x.WriteEndElement(); // sheetData
        if (merges.Count > 0)
        {
            x.WriteStartElement("mergeCells", Main);
            x.WriteAttributeString("count", Num(merges.Count));
            foreach (var m in merges)
            {
                x.WriteStartElement("mergeCell", Main);
                x.WriteAttributeString("ref", $"{CellReference.Of(m.FirstRow, m.FirstColumn)}:{CellReference.Of(m.LastRow, m.LastColumn)}");
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteStartElement("printOptions", Main);
        x.WriteAttributeString("horizontalCentered", "1");
        x.WriteEndElement();
        x.WriteStartElement("pageMargins", Main);
        foreach (var (name, value) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
        {
            x.WriteAttributeString(name, value);
        }

        x.WriteEndElement();
        x.WriteStartElement("pageSetup", Main);
        if (layout.A3Landscape)
        {
            x.WriteAttributeString("paperSize", "8");
            x.WriteAttributeString("orientation", "landscape");
        }

        x.WriteAttributeString("fitToWidth", "1");
        x.WriteAttributeString("fitToHeight", "0");
        x.WriteEndElement();
        x.WriteStartElement("headerFooter", Main);
        x.WriteElementString("oddFooter", Main, "&C第 &P 页，共 &N 页");
        x.WriteEndElement();
        x.WriteEndElement(); // worksheet
        x.WriteEndDocument();
        x.Dispose();
        sheetStream!.Dispose();
        sheetXml = null;
        sheetStream = null;
    }

    public void Dispose()
    {
        EndSheet();
        WritePackage();
        zip.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void WritePackage()
    {
        Entry("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """ + string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
        Entry("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            """ + string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""")) + "</Relationships>");

        var workbook = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>""");
        for (var i = 0; i < sheets.Count; i++)
        {
            workbook.Append(CultureInfo.InvariantCulture, $"""<sheet name="{System.Security.SecurityElement.Escape(SheetName(sheets[i].Name))}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        workbook.Append("</sheets>");
        var titles = sheets.Select((s, i) => (s.Layout, i)).Where(x => x.Layout.PrintTitleRows is not null).ToList();
        if (titles.Count > 0)
        {
            workbook.Append("<definedNames>");
            foreach (var (sheetLayout, i) in titles)
            {
                var (first, last) = sheetLayout.PrintTitleRows!.Value;
                workbook.Append(CultureInfo.InvariantCulture, $"""<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'{System.Security.SecurityElement.Escape(SheetName(sheetLayout.Name).Replace("'", "''", StringComparison.Ordinal))}'!${first}:${last}</definedName>""");
            }

            workbook.Append("</definedNames>");
        }

        workbook.Append("</workbook>");
        Entry("xl/workbook.xml", workbook.ToString());
        Entry("xl/styles.xml", Styles);
    }

    private void Entry(string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content.Trim()));
    }

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters a pasted cell may hold).</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r')
            {
                return new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
            }
        }

        return text;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    // cellXfs follow CellStyle's numbers. Fonts: 0 body 宋体 11, 1 title 方正小标宋简体/宋体 18 bold, 2 bold, 3 white bold.
    // Fills: 0 none, 1 gray125 (required), 2 header grey, 3 section, 4 red, 5 yellow, 6 green, 7 light grey.
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>
        <fonts count="4">
        <font><sz val="11"/><name val="宋体"/><charset val="134"/></font>
        <font><b/><sz val="18"/><name val="宋体"/><charset val="134"/></font>
        <font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>
        <font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="宋体"/><charset val="134"/></font>
        </fonts>
        <fills count="8">
        <fill><patternFill patternType="none"/></fill>
        <fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFE03131"/><bgColor indexed="64"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/><bgColor indexed="64"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FF2F9E44"/><bgColor indexed="64"/></patternFill></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFBFBFBF"/><bgColor indexed="64"/></patternFill></fill>
        </fills>
        <borders count="2">
        <border><left/><right/><top/><bottom/><diagonal/></border>
        <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>
        </borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="15">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>
        <xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="2" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>
        <xf numFmtId="4" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
        <xf numFmtId="0" fontId="3" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="2" fillId="5" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="3" fillId="6" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="0" fillId="7" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;
}
