namespace Duban.Documents;

/// <summary>
/// The kinds of paragraph an official document (公文, GB/T 9704) is made of; each has its customary font and
/// size, which <see cref="DocxWriter"/> and the print view apply.
/// </summary>
public enum ParagraphKind
{
    /// <summary>发文机关标志: the issuer's mark at the top, red, in 小标宋.</summary>
    Masthead,

    /// <summary>The issue or document number under the mark (〔2026〕第5期), centred, 3号仿宋.</summary>
    IssueNumber,

    /// <summary>标题: 2号小标宋, centred.</summary>
    Title,

    /// <summary>主送机关: 3号仿宋, flush left, ending with a full-width colon.</summary>
    Addressee,

    /// <summary>正文: 3号仿宋, first line indented two characters.</summary>
    Body,

    /// <summary>一级标题 (一、): 3号黑体.</summary>
    Heading1,

    /// <summary>二级标题 (（一）): 3号楷体.</summary>
    Heading2,

    /// <summary>A line above a table or a chart: 3号仿宋, centred.</summary>
    Caption,

    /// <summary>发文机关署名 and 成文日期: 3号仿宋, right-aligned, four characters in from the right.</summary>
    Signature,

    /// <summary>A note in smaller type (4号仿宋), such as how the figures were counted.</summary>
    Note,
}

public abstract record DocBlock;

public sealed record DocParagraph(ParagraphKind Kind, string Text) : DocBlock;

/// <summary>The line under the masthead: the editing office on the left, the date on the right, then the red rule (版头分隔线).</summary>
public sealed record DocIssuerLine(string Left, string Right) : DocBlock;

public sealed record DocColumn(string Header, double WidthMm, bool Centered = false);

/// <summary>A table with a header row repeated on every page (none when every header is empty: a form of label and value).</summary>
public sealed record DocTable(IReadOnlyList<DocColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocBlock;

/// <summary>A PNG shown inline at the given width (its height follows the picture's proportions).</summary>
public sealed record DocImage(byte[] Png, int PixelWidth, int PixelHeight, double WidthMm, string Description) : DocBlock;

/// <summary>版记: lines such as 抄送 and 印发机关/印发日期, between rules, at the end of the document.</summary>
public sealed record DocRecord(IReadOnlyList<(string Left, string? Right)> Lines) : DocBlock;

public sealed record DocPageBreak : DocBlock;

/// <summary>A document in the layout of Chinese official documents: A4, GB/T 9704 margins, 22 lines of 28 characters.</summary>
public sealed record OfficialDocument(string Title, string Author, IReadOnlyList<DocBlock> Blocks)
{
    /// <summary>The width of the text block (版心), 156 mm.</summary>
    public const double TextWidthMm = 156;
}
