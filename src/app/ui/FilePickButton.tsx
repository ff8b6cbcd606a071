/** A button that opens the file picker and hands over the one file chosen (the same file can be chosen again). */
export function FilePickButton({
  label,
  accept,
  testId,
  disabled,
  primary,
  onFile,
}: {
  label: string;
  accept: string;
  testId: string;
  disabled?: boolean;
  primary?: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <label className={primary ? 'button primary' : 'button'}>
      {label}
      <input
        type="file"
        accept={accept}
        className="visually-hidden"
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
