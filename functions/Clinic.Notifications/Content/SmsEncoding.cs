namespace Clinic.Notifications.Content;

/// <summary>How a text message's characters travel, which decides how many fit in one segment.</summary>
public enum SmsEncoding
{
    /// <summary>GSM 03.38's default alphabet and extension table: 160 septets in a single segment.</summary>
    Gsm7,

    /// <summary>UTF-16 code units, once any character is outside GSM-7: 70 in a single segment.</summary>
    Ucs2,
}
