using Microsoft.Extensions.Localization;

namespace Duban.Web.Infrastructure;

/// <summary>
/// One free-text field of a form or API body, checked the one way: trimmed, empty as null, at most so long, no
/// control characters (what <see cref="InputBounds"/> holds an API body to, so that a page form is held to it too).
/// </summary>
public static class FieldText
{
    public static string? Read(string? value, int max, string field, ValidationErrors errors, IStringLocalizer l, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(l);
        var text = Trim(value);
        if (text is null)
        {
            if (required)
            {
                errors.Add(field, l["Validation.Required"]);
            }

            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, l["Validation.MaxLength", max]);
        }
        else if (!InputBounds.IsText(text))
        {
            errors.Add(field, l["Validation.Invalid"]);
        }

        return text;
    }

    public static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
