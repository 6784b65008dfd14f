using Duban.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>A file posted to an import route: its name and bytes, whether it is a dry run (the default), the rest of the form.</summary>
public sealed record ImportUpload(string FileName, byte[] Content, bool DryRun, IFormCollection Form)
{
    /// <summary>
    /// Reads the multipart form an import route takes: one file named "file", an optional dryRun, no field given
    /// twice. The errors name the fields, in the person's language; the caller checks its own fields on <see cref="Form"/>.
    /// </summary>
    public static async Task<(ImportUpload? Upload, ValidationErrors Errors)> ReadAsync(HttpRequest request, IStringLocalizer l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(l);
        var errors = new ValidationErrors();
        if (!request.HasFormContentType)
        {
            errors.Add("file", l["Indicators.NoFile"]);
            return (null, errors);
        }

        var form = await request.ReadFormAsync(ct);
        foreach (var repeated in form.Keys.Where(k => form[k].Count > 1).Concat(form.Files.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key)))
        {
            errors.Add(repeated, l["Validation.Invalid"]);
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("file", l["Indicators.NoFile"]);
        }

        var dryRun = true;
        if (form["dryRun"] is { Count: > 0 } dryText && !bool.TryParse(dryText, out dryRun))
        {
            errors.Add("dryRun", l["Validation.Invalid"]);
        }

        if (file is null || file.Length == 0)
        {
            return (null, errors);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (new ImportUpload(Path.GetFileName(file.FileName), buffer.ToArray(), dryRun, form), errors);
    }

    /// <summary>The reader's JSON: 200 for a dry run or a written file, 422 for a file that is not a workbook or was not written.</summary>
    public static IResult Answer(string json, bool notAWorkbook, bool dryRun, bool written) =>
        notAWorkbook || (!dryRun && !written)
            ? Results.Text(json, "application/json; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity)
            : Results.Text(json, "application/json; charset=utf-8");
}
