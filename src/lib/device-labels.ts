/** The message key of a device type's label: the type without å, ä, ö (message keys are plain identifiers). */
export const deviceTypeKey = (type: string) => `devices_type_${type.replace(/[åä]/g, 'a').replace(/ö/g, 'o')}`;
